package dev.resilient.backend.resilience;

/**
 * An attempt cut short by its caller's own deadline before the downstream's breaker floor
 * ({@code backend.budgets.deadline.breaker-floor}): the caller gave it less time than a healthy
 * service may need, so its end says nothing about the service. Not retried, not a breaker failure
 * (it is in every guard's {@code skipOn}), not counted in the status; the caller's fallback answers.
 * A cut at or past the floor is a {@link DeadlineExceededException}, which is a breaker failure.
 */
public class CallerDeadlineException extends BudgetException {

    public CallerDeadlineException(long budgetMs, Throwable cause) {
        super("stopped waiting after " + budgetMs + " ms, the caller's remaining budget (shorter than the breaker floor)",
                cause);
    }
}
