package dev.resilient.backend.resilience;

/**
 * The seeds' exponential backoff (1 s, 2 s, 4 s ... capped at 30 s, from the {@code @Retry} delay),
 * written out rather than declared with {@code @ExponentialBackoff} so that it passes through
 * {@link BudgetedBackoff}'s budget check.
 */
public class DoublingBackoff extends BudgetedBackoff {

    static final long MAX_DELAY_MS = 30_000;

    private long next;

    @Override
    public void init(long initialDelayInMillis) {
        next = initialDelayInMillis;
    }

    @Override
    protected long delay(Throwable cause) {
        long delay = Math.min(next, MAX_DELAY_MS);
        next = Math.min(next * 2, MAX_DELAY_MS);
        return delay;
    }
}
