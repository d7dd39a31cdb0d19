package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real chroma-stub jar for the backend's tests. */
public class ChromaStubResource extends StubResource {

    @Override
    String module() {
        return "chroma-stub";
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("quarkus.rest-client.chroma.url", stub.url());
    }

}
