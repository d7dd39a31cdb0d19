package dev.resilient.chroma.rest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A tenant may hold 1,000 bytes of chunks, so a test reaches the bound with a few small ones. */
public class SmallTenantBytesProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chroma.max-bytes-per-tenant", "1000");
    }
}
