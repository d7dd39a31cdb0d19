package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.service.Namespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Worker ids are {@code pid@host/suffix}; Kubernetes pods and cloud hosts have names long enough to
 * pass 64 characters, which the lease column once held at most: every claim then failed.
 */
@QuarkusTest
@TestProfile(StoreOnlyProfile.class)
class LongWorkerIdTest {

    @Inject
    JobStore store;

    @Test
    void aWorkerOnAHostWithAVeryLongNameStillClaimsAndFinishesJobs() {
        String worker = "4242@" + "ip-10-0-0-1.eu-west-1.compute.internal.".repeat(4) + "cluster.local/abcdef12";
        assertTrue(worker.length() > 150);
        String id = store.submit(new Namespace("alice", "long-host"), List.of(new DocumentIn("d", "d.md", "words")), 5, null)
                .id;

        JobStore.Lease claimed = Claims.claimOnly(store, worker, id);
        assertTrue(store.succeed(claimed, 1, 1, false));
    }
}
