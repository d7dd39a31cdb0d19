package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Runs one attempt of a downstream call inside its guard: numbers it in the log, records
 * success or failure for the status endpoint, and times it in the Micrometer timer
 * {@code downstream.calls} (tags {@code downstream}, {@code operation}, {@code outcome}: success,
 * client_error, failure). Shared by every guard so the log lines, the counting and the metrics are
 * the same for every downstream.
 */
@ApplicationScoped
public class CallRecorder {

    static final String TIMER = "downstream.calls";
    /** Latency buckets published for {@code histogram_quantile} (up to the longest per-attempt timeout). */
    private static final Duration[] BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(30)};

    private final DownstreamStats stats;
    private final PolicyRegistry policies;
    private final MeterRegistry registry;
    private final Deadlines deadlines;
    private final RetryBudgets retryBudgets;
    private final DownstreamLog log;

    CallRecorder(DownstreamStats stats, PolicyRegistry policies, MeterRegistry registry, Deadlines deadlines,
            RetryBudgets retryBudgets, DownstreamLog log) {
        this.stats = stats;
        this.policies = policies;
        this.registry = registry;
        this.deadlines = deadlines;
        this.retryBudgets = retryBudgets;
        this.log = log;
    }

    /**
     * One attempt, bounded by the smallest of the policy timeout ({@code @Timeout}, applied by
     * SmallRye), the operation's own timeout ({@link DownstreamCall#eachAttemptAtMost}) and the
     * caller's time left (both applied here, by no longer waiting for the answer, which cancels the
     * request), which is also announced to the downstream in {@code X-Request-Timeout-Ms}. The
     * operation's timeout fails the attempt as the policy timeout would: retried, a breaker failure.
     */
    <T> T attempt(DownstreamCall<T> call) {
        Downstream d = call.downstream();
        EffectivePolicy policy = policies.get(d);
        long attempts = policy.attempts();
        long left = deadlines.remainingMs(call.caller());
        if (call.attempts() > 0 && left != Deadlines.NONE && left < deadlines.minAttemptMs()) {
            // RetryGate allowed this retry with time for its backoff and an attempt, but the backoff ended
            // later than planned (a busy machine): a retry sent now would be cut at once, so it is not sent.
            BudgetMetrics.denied(registry, d, BudgetMetrics.RETRY_DEADLINE);
            log.notRetried(d, call.operation(), call.attempts(), attempts, "the backoff ended with " + Math.max(left, 0)
                    + " ms left", "no time left");
            throw new CallerDeadlineException(Math.max(left, 0), null);
        }
        int attempt = call.startAttempt();
        if (attempt == 1) {
            retryBudgets.recordCall(d);
        }
        long timeoutMs = Math.min(policy.timeoutMs(), call.attemptTimeoutMs());
        boolean budgetFirst = left < timeoutMs;
        Long announced = retryBudgets.enabled() ? Math.max(0, Math.min(left, timeoutMs)) : null;
        log.attemptStarts(d, call.operation(), attempt, attempts);
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            Uni<T> request = call.request(announced);
            T result = budgetFirst ? awaitWithin(request, Math.max(1, left), deadlines.breakerFloorMs(d))
                    : timeoutMs < policy.timeoutMs() ? awaitOperation(request, timeoutMs)
                    : request.await().indefinitely();
            outcome = "success";
            stats.success(d);
            log.succeeded(d, call.operation());
            return result;
        } catch (DownstreamClientError e) {
            // The service answered: a 4xx says nothing about its health.
            outcome = "client_error";
            stats.success(d);
            log.clientError(d, call.operation(), e.status());
            throw e;
        } catch (CallerDeadlineException e) {
            // The caller's short deadline, not the service: nothing for the status or the breaker.
            outcome = "caller_deadline";
            BudgetMetrics.denied(registry, d, BudgetMetrics.ATTEMPT_CUT);
            log.notRetried(d, call.operation(), attempt, attempts, Failures.describe(e), "no time left");
            throw e;
        } catch (RuntimeException e) {
            stats.failure(d, Failures.summary(e));
            // Each failure is logged once: here when nothing follows it, else by the backoff before its
            // wait (RetryGate), which alone knows whether the retry happens and how long it waits.
            if (e instanceof DeadlineExceededException) {
                BudgetMetrics.denied(registry, d, BudgetMetrics.ATTEMPT_CUT);
                log.notRetried(d, call.operation(), attempt, attempts, Failures.describe(e), "no time left");
            } else if (attempt >= attempts) {
                log.allAttemptsFailed(d, call.operation(), attempts, Failures.describe(e));
            }
            throw e;
        } finally {
            sample.stop(Timer.builder(TIMER).description("One attempt of a call to a downstream service")
                    .tag("downstream", d.key()).tag("operation", call.operation()).tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
    }

    /**
     * Waits at most the operation's own {@code timeoutMs}; giving up cancels the request.
     *
     * @throws org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException as {@code @Timeout} would
     */
    private static <T> T awaitOperation(Uni<T> request, long timeoutMs) {
        try {
            return request.await().atMost(Duration.ofMillis(timeoutMs));
        } catch (TimeoutException e) {
            throw new org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException(
                    "timed out after the operation's " + timeoutMs + " ms", e);
        }
    }

    /**
     * Waits at most {@code limitMs} for the answer; giving up cancels the request. No thread is
     * interrupted: the policy timeout beyond it is SmallRye's, which clears its own interrupt.
     *
     * @throws DeadlineExceededException when the caller's deadline came first, at or past the breaker floor
     * @throws CallerDeadlineException when it came before the floor: the service was given too little time to judge it
     */
    private static <T> T awaitWithin(Uni<T> request, long limitMs, long floorMs) {
        try {
            return request.await().atMost(Duration.ofMillis(limitMs));
        } catch (TimeoutException e) {
            throw limitMs >= floorMs ? new DeadlineExceededException(limitMs, e) : new CallerDeadlineException(limitMs, e);
        }
    }
}
