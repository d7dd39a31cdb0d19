package dev.resilient.backend.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Check results on a fake clock: unknown before the first, as found while fresh, down once too old. */
class ProbeResultsTest {

    private static final long SECOND = 1_000_000_000L;
    private final ProbeResults results = new ProbeResults(List.of("chroma", "git"), Duration.ofSeconds(30));

    @Test
    void aComponentNeverCheckedIsUnknownNotUp() {
        assertEquals(ComponentHealth.UNKNOWN, results.view(0).get("chroma").status());
        assertEquals(List.of("chroma", "git"), List.copyOf(results.view(0).keySet()));
    }

    @Test
    void aResultHoldsUntilItIsOlderThanTheMaximumAgeThenReadsDown() {
        results.record("chroma", outcome(true, 100 * SECOND));
        assertEquals(ComponentHealth.UP, results.view(130 * SECOND).get("chroma").status(), "30 s old: still fresh");

        ComponentHealth stale = results.view(131 * SECOND).get("chroma");
        assertEquals(ComponentHealth.DOWN, stale.status());
        assertEquals("no check result for 31 s (at most 30 s allowed)", stale.detail());

        results.record("chroma", outcome(true, 131 * SECOND));
        assertEquals(ComponentHealth.UP, results.view(131 * SECOND).get("chroma").status(), "the next result counts at once");
    }

    @Test
    void aFailedCheckReadsDownAtOnceAndTheNextPassingOneUpAgain() {
        results.record("git", outcome(false, 5 * SECOND));
        assertEquals(new ComponentHealth(ComponentHealth.DOWN, "connection refused", 3L, Instant.EPOCH),
                results.view(5 * SECOND).get("git"));
        ProbeResults.Change change = results.record("git", outcome(true, 6 * SECOND));
        assertEquals(new ProbeResults.Change(true, false), change, "the caller learns the state flipped (and logs it)");
        assertEquals(ComponentHealth.UP, results.view(6 * SECOND).get("git").status());
    }

    @Test
    void oneTimedOutCheckIsNotYetDownTheSecondInARowIs() {
        results.record("chroma", outcome(true, 1 * SECOND));
        ProbeResults.Change first = results.record("chroma", timedOut(2 * SECOND));
        assertEquals(new ProbeResults.Change(false, false), first);
        ComponentHealth once = results.view(2 * SECOND).get("chroma");
        assertEquals(ComponentHealth.UP, once.status());
        assertEquals("no answer within 2000 ms (once: a second check in a row decides)", once.detail());
        assertEquals(new ProbeResults.Change(false, true), results.record("chroma", timedOut(3 * SECOND)));
        assertEquals(ComponentHealth.DOWN, results.view(3 * SECOND).get("chroma").status());
        assertEquals(new ProbeResults.Change(true, false), results.record("chroma", outcome(true, 4 * SECOND)));
    }

    @Test
    void aTimeoutAfterAFailureIsDownAtOnce() {
        results.record("chroma", outcome(false, 1 * SECOND));
        assertEquals(new ProbeResults.Change(true, true), results.record("chroma", timedOut(2 * SECOND)));
    }

    private static ProbeResults.Outcome timedOut(long atNanos) {
        return new ProbeResults.Outcome(false, "no answer within 2000 ms", 2000, Instant.EPOCH, atNanos, true);
    }

    private static ProbeResults.Outcome outcome(boolean up, long atNanos) {
        return new ProbeResults.Outcome(up, up ? "answered in 3 ms" : "connection refused", 3, Instant.EPOCH, atNanos);
    }
}
