package dev.resilient.backend.resilience;

/**
 * A failed call whose retry was not started: its backoff and one more attempt would not fit in the
 * request's deadline, or the downstream's retry budget is spent. Carries the failure that would
 * have been retried as its cause. Thrown by {@link BudgetedBackoff} before SmallRye waits, so no
 * time is spent on a retry that cannot happen.
 */
public class RetryDeniedException extends BudgetException {

    private final String reason;
    private final boolean waitForBreaker;

    /** @param waitForBreaker see {@link #waitForBreaker()} */
    public RetryDeniedException(String reason, Throwable failure, boolean waitForBreaker) {
        super(Failures.describe(failure) + "; not retried: " + reason, failure);
        this.reason = reason;
        this.waitForBreaker = waitForBreaker;
    }

    /**
     * True when the retry was refused by a breaker that opened from closed while this call ran (a wave of
     * failures, its own among them), not by a budget and not by a breaker its half-open probe reopened:
     * a caller that can wait (a queued job) waits out the breaker's delay rather than counting this against
     * the work, while a probe's failure is the downstream's answer that it is still down.
     */
    public boolean waitForBreaker() {
        return waitForBreaker;
    }

    /** Why the retry was not started. */
    public String reason() {
        return reason;
    }
}
