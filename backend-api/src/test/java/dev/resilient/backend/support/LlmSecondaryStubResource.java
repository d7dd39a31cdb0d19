package dev.resilient.backend.support;

import java.util.Map;

/** Runs the real llm-stub jar as the secondary LLM provider (a second process) for the backend's tests. */
public class LlmSecondaryStubResource extends StubResource {

    @Override
    String module() {
        return "llm-stub";
    }

    @Override
    String name() {
        return "llm-stub-secondary";
    }

    @Override
    Map<String, String> stubProperties() {
        return Map.of("llm.provider-name", "secondary");
    }

    @Override
    Map<String, String> backendConfig(ServiceProcess stub) {
        return Map.of("llm.secondary.url", stub.url() + "/v1");
    }

}
