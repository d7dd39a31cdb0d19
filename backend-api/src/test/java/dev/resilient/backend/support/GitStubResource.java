package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real git-stub jar for the backend's tests. */
public class GitStubResource extends StubResource {

    @Override
    String module() {
        return "git-stub";
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("quarkus.rest-client.git.url", stub.url());
    }

}
