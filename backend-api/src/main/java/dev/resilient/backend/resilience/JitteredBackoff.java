package dev.resilient.backend.resilience;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Seed 004's LLM backoff: each wait is 1.5 times the previous, plus or minus 20% jitter.
 * A custom strategy because {@code @ExponentialBackoff} takes only an integer factor and
 * MicroProfile's jitter is absolute, not relative. Asks the budgets first, as every backoff here.
 */
public class JitteredBackoff extends BudgetedBackoff {

    static final double FACTOR = 1.5;
    static final double JITTER = 0.2;

    private double next;

    @Override
    public void init(long initialDelayInMillis) {
        next = initialDelayInMillis;
    }

    @Override
    protected long delay(Throwable cause) {
        double jitter = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * JITTER;
        long delay = Math.round(next * jitter);
        next = next * FACTOR;
        return delay;
    }
}
