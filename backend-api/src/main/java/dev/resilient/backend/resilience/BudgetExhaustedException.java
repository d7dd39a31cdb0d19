package dev.resilient.backend.resilience;

/**
 * An attempt not started because the user request's deadline leaves less than
 * {@code backend.budgets.deadline.min-attempt}. Says nothing about the service: not held against
 * its circuit breaker, not retried.
 */
public class BudgetExhaustedException extends BudgetException {

    public BudgetExhaustedException(long leftMs) {
        super("not called: the request's time budget is spent (" + Math.max(leftMs, 0) + " ms left)", null);
    }
}
