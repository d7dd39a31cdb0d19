package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides, before SmallRye waits the backoff, whether a failed attempt may be retried: the breaker
 * must not have opened on this failure (the retry would only be rejected, after the wait), the backoff
 * and one more attempt must fit in the request's deadline, and the downstream's retry budget must
 * allow one more retry. Otherwise the failure goes straight to the caller's fallback. Either way it
 * writes the failure's one log line, before any wait: retrying after the delay actually used, or not.
 */
@ApplicationScoped
public class RetryGate {

    private final Deadlines deadlines;
    private final RetryBudgets budgets;
    private final MeterRegistry registry;
    private final PolicyRegistry policies;
    private final DownstreamLog log;
    private final CircuitBreakerMaintenance breakers;
    private final BreakerMonitor monitor;

    RetryGate(Deadlines deadlines, RetryBudgets budgets, MeterRegistry registry, PolicyRegistry policies,
            DownstreamLog log, CircuitBreakerMaintenance breakers, BreakerMonitor monitor) {
        this.deadlines = deadlines;
        this.budgets = budgets;
        this.registry = registry;
        this.policies = policies;
        this.log = log;
        this.breakers = breakers;
        this.monitor = monitor;
    }

    /**
     * @param call    the call whose attempt just failed
     * @param delayMs the backoff SmallRye is about to wait
     * @throws RetryDeniedException when the retry must not happen
     */
    void beforeBackoff(DownstreamCall<?> call, long delayMs, Throwable failure) {
        Downstream d = call.downstream();
        long left = deadlines.remainingMs(call.caller());
        switch (RetryRule.decide(breakers.currentState(d.key()) == CircuitBreakerState.OPEN, left, delayMs,
                deadlines.minAttemptMs(), () -> budgets.tryRetry(d))) {
            case BREAKER_OPEN -> deny(call, null, "circuit breaker open", failure);
            case DEADLINE -> deny(call, BudgetMetrics.RETRY_DEADLINE, "a backoff of " + delayMs
                    + " ms and another attempt do not fit in the " + Math.max(left, 0) + " ms left of the "
                    + call.caller().endpoint() + " request's budget", failure);
            case RETRY_BUDGET -> {
                RetryBudgetState s = budgets.snapshot(d);
                deny(call, BudgetMetrics.RETRY_BUDGET, "retry budget spent (" + s.retries() + " retries for "
                        + s.calls() + " calls in the window)", failure);
            }
            case ALLOWED -> {
            }
        }
        log.retrying(d, call.operation(), call.attempts(), policies.get(d).attempts(),
                Failures.describe(failure), delayMs);
    }

    /** @param reason the budget that denied it, for {@code request_budget_denials_total}; null for the breaker */
    private void deny(DownstreamCall<?> call, String reason, String why, Throwable failure) {
        Downstream d = call.downstream();
        if (reason != null) {
            BudgetMetrics.denied(registry, d, reason);
        }
        log.notRetried(d, call.operation(), call.attempts(), policies.get(d).attempts(),
                Failures.describe(failure), why);
        // A breaker that a failed probe reopened says the downstream is still down: this failure is its own.
        // One opened from closed (a wave of failures, this call's among them) is the guard's refusal.
        throw new RetryDeniedException(why, failure, reason == null && !monitor.reopenedByProbe(d));
    }
}
