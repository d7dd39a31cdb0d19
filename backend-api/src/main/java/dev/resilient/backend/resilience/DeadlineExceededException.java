package dev.resilient.backend.resilience;

/**
 * An attempt cut short because the user request's deadline came before the policy timeout. It
 * counts as a failure for the circuit breaker (the service did not answer in the time the caller
 * could give it; attempts never start with less than {@code backend.budgets.deadline.min-attempt}),
 * and it is not retried: there is no time left for it.
 */
public class DeadlineExceededException extends BudgetException {

    public DeadlineExceededException(long budgetMs, Throwable cause) {
        super("timed out after " + budgetMs + " ms, the request's remaining budget", cause);
    }
}
