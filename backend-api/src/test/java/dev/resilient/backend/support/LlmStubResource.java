package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real llm-stub jar for the backend's tests. */
public class LlmStubResource extends StubResource {

    @Override
    String module() {
        return "llm-stub";
    }

    @Override
    Map<String, String> backendConfig(StubProcess stub) {
        return Map.of("quarkus.rest-client.llm.url", stub.url());
    }

}
