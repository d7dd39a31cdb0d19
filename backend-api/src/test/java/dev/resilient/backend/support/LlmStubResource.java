package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real llm-stub jar as the primary LLM provider for the backend's tests. */
public class LlmStubResource extends StubResource {

    @Override
    String module() {
        return "llm-stub";
    }

    @Override
    Map<String, String> stubProperties() {
        return Map.of("llm.provider-name", "primary");
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("llm.primary.url", stub.url() + "/v1");
    }

}
