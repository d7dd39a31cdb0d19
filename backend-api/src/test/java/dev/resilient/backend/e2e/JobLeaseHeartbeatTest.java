package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step longer than the lease: the lease is 3 s here, renewed every second by the heartbeat, and a
 * hanging downstream holds the step for two 2.5 s timeouts before its third attempt answers. The job
 * runs once: one attempt, one git snapshot.
 */
@QuarkusTest
@TestProfile(JobLeaseHeartbeatTest.ShortLease.class)
class JobLeaseHeartbeatTest {

    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.jobs.lease", "PT3S", "backend.jobs.heartbeat", "1s", "Timeout/value", "2500",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:short-lease;DB_CLOSE_DELAY=-1");
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        Stubs.heal("filesystem-stub");
        Stubs.heal("git-stub");
        breakers.resetAll();
    }

    @Test
    void aJobWhoseFileSaveHangsLongerThanTheLeaseRunsOnce() {
        Stubs.chaos("filesystem-stub", "{\"mode\":\"hang\",\"times\":2,\"path\":\"/save_file\"}");
        String project = Backend.freshProject();

        String job = Backend.submit("alice", project, Map.of("slow-save", "saved on the third try"));

        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("attempts", equalTo(1))
                .body("saved", equalTo(1));
        Stubs.get("git-stub", "/history/alice__" + project).statusCode(200).body("snapshots.size()", equalTo(1));
    }

    @Test
    void aJobWhoseGitSnapshotHangsLongerThanTheLeaseRunsOnceAndSnapshotsOnce() {
        Stubs.chaos("git-stub", "{\"mode\":\"hang\",\"times\":2,\"path\":\"/snapshot\"}");
        String project = Backend.freshProject();

        String job = Backend.submit("alice", project, Map.of("slow-snapshot", "snapshotted on the third try"));

        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("attempts", equalTo(1))
                .body("git_failed", equalTo(false));
        Stubs.get("git-stub", "/history/alice__" + project).statusCode(200).body("snapshots.size()", equalTo(1));
    }
}
