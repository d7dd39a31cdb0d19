package dev.resilient.llm.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A second provider process: its own name and an API key. */
public class ApiKeyProfile implements QuarkusTestProfile {

    static final String KEY = "sk-test-secret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("llm.api-key", KEY, "llm.provider-name", "secondary", "llm.models", "secondary-model");
    }
}
