package dev.resilient.backend.resilience;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * A backoff that asks {@link RetryGate} before each wait. SmallRye computes the delay before it
 * sleeps and ends the retry loop with any exception the strategy throws, so a retry that does not
 * fit the budgets costs no waiting and no attempt (a {@code @BeforeRetry} handler runs only after
 * the wait, and its exceptions are swallowed). Created by SmallRye for each guarded call, hence
 * the programmatic bean lookup.
 */
public abstract class BudgetedBackoff implements CustomBackoffStrategy {

    @Override
    public final long nextDelayInMillis(Throwable cause) {
        long delay = delay(cause);
        Arc.container().instance(RetryGate.class).get().beforeBackoff(delay, cause);
        return delay;
    }

    /** The wait before the next attempt. */
    protected abstract long delay(Throwable cause);
}
