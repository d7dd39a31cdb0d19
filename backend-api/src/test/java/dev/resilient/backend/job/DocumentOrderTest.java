package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-document order: versions by submission, one writer at a time, the newest submission wins. */
@QuarkusTest
@TestProfile(StoreOnlyProfile.class)
class DocumentOrderTest {

    @Inject
    JobStore store;
    @Inject
    DocumentVersions versions;
    @Inject
    JobDatabase db;

    private final Namespace ns = new Namespace("order-" + UUID.randomUUID().toString().substring(0, 8), "p");

    private long versionOf(String jobId) {
        return versionsOf(jobId).get(0);
    }

    private List<Long> versionsOf(String jobId) {
        return db.inTransaction(c -> Sql.list(c, JobDocument.OF_JOB, JobDocument::read, jobId)).stream()
                .map(JobDocument::version).toList();
    }

    private String submit(String content) {
        return store.submit(ns, List.of(new DocumentIn("d", "d.md", content)), 5, null).id;
    }

    private static Instant later() {
        return Instant.now().plusSeconds(60);
    }

    @Test
    void eachSubmissionOfADocumentGetsTheNextVersion() {
        String first = submit("one");
        String second = submit("two");
        String repeats = store.submit(ns, List.of(new DocumentIn("d", "d.md", "three"), new DocumentIn("d", "d.md", "four")),
                5, null).id;

        assertEquals(1, versionOf(first));
        assertEquals(2, versionOf(second));
        assertEquals(List.of(3L, 4L), versionsOf(repeats), "within one submission the last repeat is the newest");
    }

    @Test
    void anOlderJobsRetryIsSupersededByANewerSubmission() {
        long older = versionOf(submit("old text"));
        long newer = versionOf(submit("new text"));

        assertEquals(DocumentVersions.Write.SUPERSEDED, versions.acquire(ns, "d", older, "retry-of-old", later()));
        assertEquals(DocumentVersions.Write.GRANTED, versions.acquire(ns, "d", newer, "new-run", later()));
    }

    @Test
    void aNewerVersionWaitsUntilTheOlderWriterFinishesItsStep() {
        long older = versionOf(submit("old text"));
        assertEquals(DocumentVersions.Write.GRANTED, versions.acquire(ns, "d", older, "old-run", later()));
        long newer = versionOf(submit("new text")); // submitted while the old run writes

        assertEquals(DocumentVersions.Write.BUSY, versions.acquire(ns, "d", newer, "new-run", later()));
        versions.release(ns, "d", "old-run");
        assertEquals(DocumentVersions.Write.GRANTED, versions.acquire(ns, "d", newer, "new-run", later()));
    }

    @Test
    void aWriterWhoseLeaseEndedNoLongerBlocksTheDocument() {
        long newer = versionOf(submit("text"));
        assertEquals(DocumentVersions.Write.GRANTED, versions.acquire(ns, "d", newer, "dead-run", Instant.now().minusSeconds(1)));

        assertEquals(DocumentVersions.Write.GRANTED, versions.acquire(ns, "d", newer, "next-run", later()));
    }
}
