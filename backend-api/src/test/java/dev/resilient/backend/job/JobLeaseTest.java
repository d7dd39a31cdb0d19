package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A lease per claim: what a run that lost its lease may still do (nothing), and what the heartbeat keeps. */
@QuarkusTest
@TestProfile(StoreOnlyProfile.class)
class JobLeaseTest {

    @Inject
    JobStore store;
    @Inject
    JobDatabase db;

    private String submit() {
        Namespace ns = new Namespace("lease-" + UUID.randomUUID().toString().substring(0, 8), "p");
        return store.submit(ns, List.of(new DocumentIn("d", "d.md", "words")), 5, null).id;
    }

    private JobStore.Lease claim(String worker, String id) {
        return Claims.claimOnly(store, worker, id);
    }

    private void expireLease(String id) {
        db.inTransaction(c -> Sql.update(c, "UPDATE ingestion_job SET lease_until = ? WHERE id = ?",
                Instant.now().minusSeconds(1), id));
    }

    private IngestionJob read(String id) {
        return db.inTransaction(c -> Sql.first(c, IngestionJob.SELECT + " WHERE id = ?", IngestionJob::read, id))
                .orElseThrow();
    }

    @Test
    void aRunWhoseLeaseWasTakenOverCanNoLongerWriteEvenInTheSameProcess() {
        String id = submit();
        JobStore.Lease first = claim("w1", id);
        expireLease(id);
        JobStore.Lease second = claim("w1", id); // the same process claims it again: a new token

        assertFalse(store.progress(first, 1, 1, List.of()), "the first run's progress is refused");
        assertFalse(store.succeed(first, 1, 1, false), "the first run cannot finish the job");
        assertNull(store.fail(first, 0, 0, 0, "late", false), "nor fail it");
        assertTrue(store.load(first).isEmpty(), "nor load it again");
        assertTrue(store.succeed(second, 1, 1, false), "the run holding the lease finishes it");
        assertEquals(2, read(id).attempts);
    }

    @Test
    void theHeartbeatRenewsLiveLeasesAndNamesTheLostOnes() {
        String kept = submit();
        JobStore.Lease keptLease = claim("w1", kept);
        String taken = submit();
        JobStore.Lease takenLease = claim("w1", taken);
        Instant before = read(kept).leaseUntil;
        expireLease(taken);
        JobStore.Lease newer = claim("w2", taken);

        Set<String> lost = store.renew(List.of(keptLease, takenLease));

        assertEquals(Set.of(taken), lost);
        assertTrue(read(kept).leaseUntil.isAfter(before.minusMillis(1)), "the live lease was extended");
        assertTrue(store.succeed(newer, 1, 1, false));
        assertTrue(store.succeed(keptLease, 1, 1, false));
    }

    @Test
    void aJobWhoseRunsKeepKillingTheirProcessFailsAfterMaxAttempts() {
        String id = submit();
        for (int attempt = 1; attempt <= 3; attempt++) { // StoreOnlyProfile: max-attempts 3
            claim("doomed-" + attempt, id);
            assertEquals(attempt, read(id).attempts, "the attempt is counted at claim");
            expireLease(id); // the process died during the run: no word from it
        }
        store.failAbandoned(); // the runner's next poll
        store.claim("survivor", JobQueues.DEFAULT, 10).forEach(l -> store.succeed(l, 0, 0, false));

        IngestionJob job = read(id);
        assertEquals(JobState.FAILED, job.state);
        assertEquals(3, job.attempts);
        assertTrue(job.lastError.contains("no attempt left"), job.lastError);
    }

    @Test
    void aJobHandedBackAtShutdownKeepsItsProgressAndItsAttempt() {
        String id = submit();
        JobStore.Lease lease = claim("w1", id);

        assertTrue(store.handBack(lease, 1, 1, List.of()));

        IngestionJob job = read(id);
        assertEquals(JobState.QUEUED, job.state);
        assertEquals(0, job.attempts);
        assertEquals(1, job.indexed);
        assertFalse(store.succeed(lease, 1, 1, false), "the handed-back run holds nothing");
    }
}
