package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.service.Namespace;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The general queue with a job type of the tests' own ({@link ProbeJobHandler}, queue {@code probe}, one
 * worker, three attempts; backoff 0.2 s doubling, at most 1 s, from the test profile), on the real runner.
 */
@QuarkusTest
class JobQueueTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Inject
    JobQueue queue;

    @Inject
    JobQueues queues;

    @Inject
    ProbeJobHandler probe;

    private final Namespace alice = new Namespace("alice", "queue-test");

    private static String key(String what) {
        return what + "-" + System.nanoTime() % 1_000_000 + "-" + KEYS.incrementAndGet();
    }

    private JobStore.Enqueued enqueue(Namespace ns, String jobId, String key, int retries, boolean hold, int priority) {
        return queue.enqueue(ns, "probe", jobId, key,
                "{\"key\":\"" + key + "\",\"retries\":" + retries + ",\"hold\":" + hold + "}", priority);
    }

    private IngestionJob awaitFinished(Namespace ns, String jobId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JobState s = queue.status(ns.user(), jobId).orElseThrow().state;
            return s == JobState.SUCCEEDED || s == JobState.FAILED;
        });
        return queue.status(ns.user(), jobId).orElseThrow();
    }

    /** The job once it waits for its next run after run {@code attempt} (at least the backoff: polled every 10 ms). */
    private IngestionJob awaitRetrying(Namespace ns, String jobId, int attempt) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> {
            IngestionJob j = queue.status(ns.user(), jobId).orElseThrow();
            return j.state == JobState.RETRYING && j.attempts == attempt;
        });
        return queue.status(ns.user(), jobId).orElseThrow();
    }

    @Test
    void aHandlerAnsweringRetryRunsAgainAfterTheQueuesGrowingBackoffThenSucceeds() {
        String key = key("flaky");
        String id = enqueue(alice, null, key, 2, false, 0).job().publicId;

        IngestionJob done = awaitFinished(alice, id);

        assertEquals(JobState.SUCCEEDED, done.state, "the third run answered done");
        assertEquals(3, done.attempts);
        List<Instant> runs = probe.runsOf(key);
        assertEquals(3, runs.size(), "two retries, then done: three runs");
        QueueSettings settings = queues.settings("probe");
        Duration first = Duration.between(runs.get(0), runs.get(1));
        Duration second = Duration.between(runs.get(1), runs.get(2));
        assertTrue(first.compareTo(settings.backoff(1)) >= 0, "the first retry waited " + first);
        assertTrue(second.compareTo(settings.backoff(2)) >= 0, "the second retry waited " + second);
        assertEquals(settings.backoff(1).multipliedBy(2), settings.backoff(2), "the test profile's factor 2");
    }

    @Test
    void aHandlerThatKeepsAnsweringRetryFailsOnceTheQueuesAttemptsAreSpent() {
        String key = key("never");
        String id = enqueue(alice, null, key, 99, false, 0).job().publicId;
        QueueSettings settings = queues.settings("probe");

        for (int attempt = 1; attempt <= 2; attempt++) {
            IngestionJob waiting = awaitRetrying(alice, id, attempt);
            assertEquals(settings.backoff(attempt), Duration.between(waiting.updatedAt, waiting.nextAttemptAt),
                    "after run " + attempt + " the job waits the queue's backoff for it");
        }
        IngestionJob failed = awaitFinished(alice, id);

        assertEquals(JobState.FAILED, failed.state);
        assertEquals(queues.settings("probe").maxAttempts(), failed.attempts, "the probe queue's max-attempts, not the default's");
        assertEquals(3, probe.runsOf(key).size());
        assertEquals("probe " + key + " not ready, run 3", failed.lastError, "the last run's reason");
    }

    @Test
    void aHigherPriorityJobQueuedLaterRunsFirstOnOneWorker() throws InterruptedException {
        assertEquals(1, queues.settings("probe").workers());
        String blocker = key("blocker");
        String low = key("low");
        String high = key("high");
        String blockerId = enqueue(alice, null, blocker, 0, true, 0).job().publicId;
        assertTrue(probe.awaitStart(blocker), "the blocker holds the queue's one worker");
        String lowId = enqueue(alice, null, low, 0, false, -5).job().publicId;
        String highId = enqueue(alice, null, high, 0, false, 5).job().publicId;

        probe.release(blocker);

        awaitFinished(alice, blockerId);
        awaitFinished(alice, lowId);
        awaitFinished(alice, highId);
        List<String> order = probe.order().stream().filter(k -> k.equals(low) || k.equals(high)).toList();
        assertEquals(List.of(high, low), order, "priority 5 queued after priority -5 runs first");
    }

    @Test
    void theSameJobIdForTheSameRequestIsOneJobAndForAnotherRequestA409() {
        String key = key("same");
        String jobId = "caller-" + key;

        JobStore.Enqueued first = enqueue(alice, jobId, key, 0, false, 1);
        JobStore.Enqueued again = enqueue(alice, jobId, key, 0, false, 1);

        assertTrue(first.created());
        assertFalse(again.created(), "the repeat stores nothing");
        assertEquals(first.job().id, again.job().id);
        assertEquals(jobId, first.job().publicId);
        WebApplicationException other = assertThrows(WebApplicationException.class, () -> enqueue(alice, jobId, key, 0, false, 2));
        assertEquals(409, other.getResponse().getStatus(), "same id, another priority");
        JobStore.Enqueued bobs = enqueue(new Namespace("bob", "queue-test"), jobId, key, 0, false, 1);
        assertTrue(bobs.created(), "job ids are per user: bob's is a job of his own");
        assertNotEquals(first.job().id, bobs.job().id);
        assertEquals(JobState.SUCCEEDED, awaitFinished(alice, jobId).state);
        assertEquals("probe", queue.status("alice", jobId).orElseThrow().type);
    }

    @Test
    void aPriorityOutOfRangeOrAMalformedJobIdIsA400AndStoresNothing() {
        for (int priority : new int[] {-11, 11, Integer.MAX_VALUE}) {
            WebApplicationException e = assertThrows(WebApplicationException.class,
                    () -> enqueue(alice, null, key("bad"), 0, false, priority));
            assertEquals(400, e.getResponse().getStatus());
        }
        for (String jobId : new String[] {"", "-starts-with-dash", "has space", "../etc", "x".repeat(65)}) {
            WebApplicationException e = assertThrows(WebApplicationException.class,
                    () -> enqueue(alice, jobId, key("bad"), 0, false, 0));
            assertEquals(400, e.getResponse().getStatus(), jobId);
            assertTrue(queue.status("alice", jobId).isEmpty());
        }
    }

    @Test
    void eachNamedQueueHasItsOwnSettingsAndTheTopLevelKeysAreTheirDefaults() {
        QueueSettings analysis = queues.settings("analysis");
        assertEquals(2, analysis.workers());
        assertEquals(4, analysis.maxAttempts());
        QueueSettings ingestion = queues.settings(JobQueues.DEFAULT);
        assertEquals(4, ingestion.workers(), "backend.jobs.workers");
        assertEquals(8, ingestion.maxAttempts(), "the test profile's backend.jobs.max-attempts");
        assertEquals(Duration.ofMillis(200), ingestion.backoffInitial());
        assertTrue(queues.served().containsAll(List.of("default", "analysis", "probe")), queues.served().toString());
    }
}
