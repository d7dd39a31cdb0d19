package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.FakeClock;
import dev.resilient.kit.criticality.Criticality;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CallRecorder#attempt}: a retry whose backoff ended with less than
 * {@code backend.budgets.deadline.min-attempt} (100 ms here) left before the caller's deadline is not
 * sent; a {@link CallerDeadlineException} (no breaker failure) is thrown instead. Plain JUnit on a
 * {@link FakeClock}: the clock only moves when the test moves it, so "the backoff ended late" is exact.
 */
class RetryWithTooLittleTimeLeftTest {

    private static final Downstream D = Downstream.CHROMA;
    private static final long MIN_ATTEMPT_MS = DefaultBudgets.MIN_ATTEMPT_MS;
    /** Chroma's seed policy: 3 attempts, 1 s first backoff, 2 s per attempt. */
    private static final EffectivePolicy POLICY = new EffectivePolicy(3, 1_000, 2_000, 4, 5_000, 10,
            BackoffShape.DOUBLING, EffectivePolicy.NONE, EffectivePolicy.NONE);

    private final FakeClock clock = new FakeClock();
    private final TimeSource time = clock::read;
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final DownstreamStats stats = new DownstreamStats();
    private final DefaultBudgets config = new DefaultBudgets(true);
    private final Deadlines deadlines = new Deadlines(config, time);
    private final RetryBudgets retryBudgets = new RetryBudgets(config, registry, time);
    private final CallRecorder recorder = new CallRecorder(stats, new PolicyRegistry(Map.of(D, POLICY)), registry,
            deadlines, retryBudgets, new DownstreamLog(time));

    /** The call body: records the budget of every request built (an attempt that is sent) and answers in turn. */
    private final List<Long> sent = new ArrayList<>();
    private final List<Uni<String>> answers = new ArrayList<>();

    private DownstreamCall<String> call(Duration budget) {
        Caller caller = new Caller("alice", "search", deadlines.startingNow(budget), Criticality.DEFAULT);
        return DownstreamCall.to(D, "POST /query", caller, (budgetMs, criticality) -> {
            sent.add(budgetMs);
            return answers.get(sent.size() - 1);
        });
    }

    /** The first attempt fails as a service does (a 503): the breaker and the status count it; a retry follows. */
    private DownstreamCall<String> afterAFailedFirstAttempt(Duration budget) {
        answers.add(Uni.createFrom().failure(new DownstreamServerError(503, "unavailable", "")));
        answers.add(Uni.createFrom().item("retried"));
        DownstreamCall<String> call = call(budget);
        assertThrows(DownstreamServerError.class, () -> recorder.attempt(call));
        assertEquals(1, call.attempts());
        assertEquals(1, stats.get(D).consecutiveFailures());
        return call;
    }

    private double retryDeadlineDenials() {
        Counter c = registry.find("request.budget.denials").tag("downstream", D.key())
                .tag("reason", BudgetMetrics.RETRY_DEADLINE).counter();
        return c == null ? 0 : c.count();
    }

    private long timedAttempts() {
        return registry.find(CallRecorder.TIMER).timers().stream().mapToLong(Timer::count).sum();
    }

    @Test
    void aFirstAttemptWithLessThanMinAttemptLeftIsStillSentWithTheTimeLeftAsItsBudget() {
        answers.add(Uni.createFrom().item("first"));
        DownstreamCall<String> call = call(Duration.ofMillis(1_000));
        clock.advance(Duration.ofMillis(960)); // 40 ms left, below min-attempt

        // CallRecorder holds back only retries; the first attempt is sent, announcing and bounded by the 40 ms left
        assertEquals("first", recorder.attempt(call));
        assertEquals(List.of(40L), sent);
        assertEquals(1, call.attempts());
        assertEquals(1, retryBudgets.snapshot(D).calls(), "a first attempt is counted for the retry budget");
        assertEquals(0, retryDeadlineDenials());
        assertEquals(1, timedAttempts());
    }

    @Test
    void aRetryWithLessThanMinAttemptLeftIsNotSentAndThrowsCallerDeadlineWithTheTimeLeft() {
        DownstreamCall<String> call = afterAFailedFirstAttempt(Duration.ofMillis(3_000));
        // RetryGate planned the 1 s backoff with time to spare, but it ended late (a busy machine): 40 ms left
        clock.advance(Duration.ofMillis(2_960));

        CallerDeadlineException e = assertThrows(CallerDeadlineException.class, () -> recorder.attempt(call));
        assertTrue(e.getMessage().startsWith("stopped waiting after 40 ms"), e.getMessage());
        assertNull(e.getCause());
        assertEquals(1, sent.size(), "the call body is not invoked for the retry: nothing reaches the downstream");
        assertEquals(1, call.attempts(), "no attempt was started");
        assertEquals(1, stats.get(D).consecutiveFailures(), "not a failure of the service");
        assertEquals(1, retryDeadlineDenials());
        assertEquals(1, timedAttempts(), "only the first attempt was timed");
    }

    @Test
    void aRetryAfterTheDeadlinePassedIsNotSentAndCarriesZeroLeft() {
        DownstreamCall<String> call = afterAFailedFirstAttempt(Duration.ofMillis(3_000));
        clock.advance(Duration.ofMillis(3_250)); // 250 ms past the deadline

        CallerDeadlineException e = assertThrows(CallerDeadlineException.class, () -> recorder.attempt(call));
        assertTrue(e.getMessage().startsWith("stopped waiting after 0 ms"), e.getMessage());
        assertEquals(1, sent.size());
        assertEquals(1, stats.get(D).consecutiveFailures());
    }

    @Test
    void aRetryWithExactlyMinAttemptLeftIsSent() {
        DownstreamCall<String> call = afterAFailedFirstAttempt(Duration.ofMillis(3_000));
        clock.advance(Duration.ofMillis(3_000 - MIN_ATTEMPT_MS)); // exactly min-attempt left

        assertEquals("retried", recorder.attempt(call));
        assertEquals(2, sent.size(), "the retry reached the downstream");
        assertEquals(MIN_ATTEMPT_MS, sent.get(1), "announcing the time left as its budget");
        assertEquals(2, call.attempts());
        assertEquals(0, stats.get(D).consecutiveFailures(), "its success resets the failures");
        assertEquals(0, retryDeadlineDenials());
        assertEquals(2, timedAttempts());
    }
}
