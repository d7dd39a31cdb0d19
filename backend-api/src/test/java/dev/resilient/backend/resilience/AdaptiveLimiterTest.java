package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netflix.concurrency.limits.Limiter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The AIMD limit of one downstream, on a fake clock: every call's duration is set, never slept. */
class AdaptiveLimiterTest {

    private static final long SLOW_MS = 500;

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** Whether this process was past its own capacity (its front door refusing requests), set per test. */
    private final AtomicBoolean queueingHere = new AtomicBoolean();
    private final AdaptiveLimiter limiter = new AdaptiveLimiter("chroma", new LimitSettings(10, 1, 10, 0.9, SLOW_MS),
            nanos::get, since -> queueingHere.get());

    private Limiter.Listener permit() {
        Optional<Limiter.Listener> permit = limiter.tryAcquire();
        assertTrue(permit.isPresent(), "a permit under the limit of " + limiter.limit());
        return permit.get();
    }

    private void elapse(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** One call at a time, each taking {@code ms} and ending as a success. */
    private List<Integer> sequentialSuccesses(int calls, long ms) {
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Limiter.Listener p = permit();
            elapse(ms);
            p.onSuccess();
            limits.add(limiter.limit());
        }
        return limits;
    }

    /** One call that the downstream failed after 2 ms. */
    private void fastFailure() {
        Limiter.Listener p = permit();
        elapse(2);
        p.onDropped();
    }

    /** As many calls as the limit allows at once, each taking {@code ms} and ending as a success. */
    private void fullLoadRound(long ms) {
        List<Limiter.Listener> permits = new ArrayList<>();
        for (Optional<Limiter.Listener> p = limiter.tryAcquire(); p.isPresent(); p = limiter.tryAcquire()) {
            permits.add(p.get());
        }
        elapse(ms);
        permits.forEach(Limiter.Listener::onSuccess);
    }

    @Test
    void slowAnswersLowerTheLimitStepByStepDownToTheMinimumEvenUnderLightLoad() {
        assertEquals(10, limiter.limit());
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 1), sequentialSuccesses(10, SLOW_MS + 1));
    }

    @Test
    void slowAnswersWhileThisProcessQueuesItsOwnWorkLeaveTheLimitAndAreCounted() {
        queueingHere.set(true);
        assertEquals(List.of(10, 10, 10), sequentialSuccesses(3, SLOW_MS + 1),
                "the time was ours (CPU, threads), not the downstream's");
        assertEquals(3, limiter.slowSamplesIgnored());
        queueingHere.set(false);
        assertEquals(List.of(9), sequentialSuccesses(1, SLOW_MS + 1));
        assertEquals(3, limiter.slowSamplesIgnored());
    }

    @Test
    void failuresLowerTheLimitEvenWhileThisProcessQueues() {
        queueingHere.set(true);
        fastFailure();
        assertEquals(9, limiter.limit());
    }

    @Test
    void fastAnswersWhileThisProcessQueuesStillGrowALoweredLimit() {
        sequentialSuccesses(10, 5_000);
        assertEquals(1, limiter.limit());
        queueingHere.set(true);
        fullLoadRound(20);
        assertEquals(2, limiter.limit());
    }

    @Test
    void answersWithinTheSlowCallTimeKeepTheLimit() {
        assertEquals(List.of(10, 10, 10), sequentialSuccesses(3, SLOW_MS));
    }

    @Test
    void failuresLowerTheLimitHoweverFastTheyCame() {
        for (int i = 0; i < 3; i++) {
            fastFailure();
        }
        assertEquals(7, limiter.limit());
    }

    @Test
    void callsEndedByTheirCallerLeaveTheLimitAsItWas() {
        Limiter.Listener p = permit();
        elapse(10 * SLOW_MS);
        p.onIgnore();
        assertEquals(10, limiter.limit());
        assertEquals(0, limiter.inFlight());
    }

    @Test
    void aRecoveredDownstreamGrowsItsLimitBackToTheMaximumOnceTheLoadNeedsIt() {
        sequentialSuccesses(10, 5_000);
        assertEquals(1, limiter.limit());
        int rounds = 0;
        while (limiter.limit() < 10) {
            fullLoadRound(20);
            rounds++;
            assertTrue(rounds <= 10, "still at " + limiter.limit() + " after " + rounds + " rounds of full load");
        }
        assertEquals(4, rounds, "1 -> 2 -> 4 -> 7 -> 10: each fast success while half the limit is in use adds one");
        fullLoadRound(20);
        assertEquals(10, limiter.limit(), "never above the maximum");
    }

    @Test
    void oneCallAtATimeGrowsALoweredLimitOnlyToWhatItUses() {
        sequentialSuccesses(10, 5_000);
        assertEquals(List.of(2, 3, 3, 3, 3), sequentialSuccesses(5, 20), "one in flight is half of 2, not of 3");
    }

    @Test
    void aCallOverTheLimitIsRefusedAndCountedUntilAPermitIsReturned() {
        List<Limiter.Listener> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            held.add(permit());
        }
        assertEquals(10, limiter.inFlight());
        assertTrue(limiter.tryAcquire().isEmpty());
        assertTrue(limiter.tryAcquire().isEmpty());
        assertEquals(2, limiter.rejected());
        held.remove(0).onSuccess();
        assertTrue(limiter.tryAcquire().isPresent());
        assertEquals(10, limiter.inFlight());
    }

    @Test
    void resetReturnsToTheInitialLimit() {
        sequentialSuccesses(5, SLOW_MS + 1);
        assertEquals(5, limiter.limit());
        limiter.reset();
        assertEquals(10, limiter.limit());
    }
}
