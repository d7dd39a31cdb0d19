package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * A backoff that asks the budgets before each wait ({@link RetryGate}, through the guarded call's
 * {@link BudgetedInterceptor#retryCheck()}). SmallRye computes the delay before it sleeps and ends
 * the retry loop with any exception the strategy throws, so a retry that does not fit the budgets
 * costs no waiting and no attempt (a {@code @BeforeRetry} handler runs only after the wait, and its
 * exceptions are swallowed).
 */
public abstract class BudgetedBackoff implements CustomBackoffStrategy {

    @Override
    public final long nextDelayInMillis(Throwable cause) {
        long delay = delay(cause);
        BudgetedInterceptor.RetryCheck check = BudgetedInterceptor.retryCheck();
        if (check != null) {
            check.beforeBackoff(delay, cause);
        }
        return delay;
    }

    /** The wait before the next attempt. */
    protected abstract long delay(Throwable cause);
}
