package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Decides, before SmallRye waits the backoff, whether a failed attempt may be retried: the backoff
 * and one more attempt must fit in the request's deadline, and the downstream's retry budget must
 * allow one more retry. Otherwise the failure goes straight to the caller's fallback.
 */
@ApplicationScoped
@Unremovable // looked up by BudgetedBackoff, which SmallRye instantiates itself
public class RetryGate {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");

    private final Deadlines deadlines;
    private final RetryBudgets budgets;
    private final MeterRegistry registry;

    RetryGate(Deadlines deadlines, RetryBudgets budgets, MeterRegistry registry) {
        this.deadlines = deadlines;
        this.budgets = budgets;
        this.registry = registry;
    }

    /**
     * @param delayMs the backoff SmallRye is about to wait
     * @throws RetryDeniedException when the retry must not happen
     */
    void beforeBackoff(long delayMs, Throwable failure) {
        Downstream d = AttemptContext.downstream();
        if (d == null) {
            return;
        }
        long left = deadlines.remainingMs();
        if (left != Deadlines.NONE && left < delayMs + deadlines.minAttemptMs()) {
            deny(d, BudgetMetrics.RETRY_DEADLINE, "a backoff of " + delayMs + " ms and another attempt do not fit in the "
                    + Math.max(left, 0) + " ms left of the " + deadlines.endpoint() + " request's budget", failure);
        }
        if (!budgets.tryRetry(d)) {
            RetryBudget.Snapshot s = budgets.snapshot(d);
            deny(d, BudgetMetrics.RETRY_BUDGET, "retry budget spent (" + s.retries() + " retries for " + s.calls()
                    + " calls in the window)", failure);
        }
    }

    private void deny(Downstream d, String reason, String why, Throwable failure) {
        BudgetMetrics.denied(registry, d, reason);
        LOG.warnf("%s not retried: %s", d.tag(), why);
        throw new RetryDeniedException(why, failure);
    }
}
