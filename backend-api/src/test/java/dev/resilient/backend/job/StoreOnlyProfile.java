package dev.resilient.backend.job;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The job store alone: no job runner (the tests claim and write themselves), and a database of its own. */
public class StoreOnlyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("backend.jobs.enabled", "false",
                "backend.jobs.max-attempts", "3",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:store-only;DB_CLOSE_DELAY=-1");
    }
}
