package dev.resilient.git;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A tenant may hold 1,000 bytes of history (three small snapshots), so a test reaches the bound at once. */
public class SmallTenantHistoryProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("git.max-bytes-per-tenant", "1000");
    }
}
