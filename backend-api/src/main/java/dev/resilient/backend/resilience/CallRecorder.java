package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs one attempt of a downstream call inside its guard: numbers it in the log, records
 * success or failure for the status endpoint, and times it in the Micrometer timer
 * {@code downstream.calls} (tags {@code downstream}, {@code operation}, {@code outcome}: success,
 * client_error, failure). Shared by every guard so the log lines, the counting and the metrics are
 * the same for every downstream.
 */
@ApplicationScoped
public class CallRecorder {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");
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
    private final AttemptTimer timer;

    CallRecorder(DownstreamStats stats, PolicyRegistry policies, MeterRegistry registry, Deadlines deadlines,
            RetryBudgets retryBudgets, AttemptTimer timer) {
        this.stats = stats;
        this.policies = policies;
        this.registry = registry;
        this.deadlines = deadlines;
        this.retryBudgets = retryBudgets;
        this.timer = timer;
    }

    /**
     * One attempt, bounded by the smaller of the policy timeout ({@code @Timeout}, applied by
     * SmallRye) and the request's time left (applied here), which is also announced to the
     * downstream in {@code X-Request-Timeout-Ms}.
     */
    <T> T attempt(Downstream d, DownstreamCall<T> call) {
        int attempt = call.startAttempt();
        EffectivePolicy policy = policies.get(d);
        long attempts = policy.attempts();
        if (attempt == 1) {
            retryBudgets.recordCall(d);
        }
        long left = deadlines.remainingMs();
        boolean budgetFirst = left < policy.timeoutMs();
        AttemptContext.begin(d, retryBudgets.enabled() ? Math.max(0, Math.min(left, policy.timeoutMs())) : Deadlines.NONE);
        if (attempt > 1) {
            LOG.infof("%s %s attempt %d/%d after %d ms backoff", d.tag(), call.operation(), attempt, attempts,
                    call.msSincePreviousAttempt());
        }
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failure";
        try {
            T result = budgetFirst ? timer.run(Math.max(1, left), call::run) : call.run();
            outcome = "success";
            stats.success(d);
            LOG.debugf("%s \u2713 %s succeeded", d.tag(), call.operation());
            return result;
        } catch (DownstreamClientError e) {
            // The service answered: a 4xx says nothing about its health.
            outcome = "client_error";
            stats.success(d);
            LOG.infof("%s %s answered %d, not retried", d.tag(), call.operation(), e.status());
            throw e;
        } catch (RuntimeException e) {
            if (e instanceof DeadlineExceededException) {
                BudgetMetrics.denied(registry, d, BudgetMetrics.ATTEMPT_CUT);
            }
            int failures = stats.failure(d, Failures.describe(e));
            LOG.warnf("%s %s failed on attempt %d/%d: %s (%d consecutive failures)", d.tag(), call.operation(),
                    attempt, attempts, Failures.describe(e), failures);
            throw e;
        } finally {
            AttemptContext.endAttempt();
            sample.stop(Timer.builder(TIMER).description("One attempt of a call to a downstream service")
                    .tag("downstream", d.key()).tag("operation", call.operation()).tag("outcome", outcome)
                    .serviceLevelObjectives(BUCKETS).register(registry));
        }
    }
}
