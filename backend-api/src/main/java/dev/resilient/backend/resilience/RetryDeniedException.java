package dev.resilient.backend.resilience;

/**
 * A failed call whose retry was not started: its backoff and one more attempt would not fit in the
 * request's deadline, or the downstream's retry budget is spent. Carries the failure that would
 * have been retried as its cause. Thrown by {@link BudgetedBackoff} before SmallRye waits, so no
 * time is spent on a retry that cannot happen.
 */
public class RetryDeniedException extends BudgetException {

    private final String reason;

    public RetryDeniedException(String reason, Throwable failure) {
        super(Failures.describe(failure) + "; not retried: " + reason, failure);
        this.reason = reason;
    }

    /** Why the retry was not started. */
    public String reason() {
        return reason;
    }
}
