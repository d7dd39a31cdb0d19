package dev.resilient.backend.resilience;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Seed 004's LLM backoff: each wait is 1.5 times the previous, plus or minus 20% jitter.
 * A custom strategy because {@code @ExponentialBackoff} takes only an integer factor and
 * MicroProfile's jitter is absolute, not relative. Asks the budgets first, as every backoff here.
 */
public class JitteredBackoff extends BudgetedBackoff {

    static final double FACTOR = 1.5;
    static final double JITTER = 0.2;

    private final DoubleSupplier random;
    private double next;

    /** SmallRye creates one per guarded call with this constructor. */
    public JitteredBackoff() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform in [0, 1) */
    JitteredBackoff(DoubleSupplier random) {
        this.random = random;
    }

    @Override
    public void init(long initialDelayInMillis) {
        next = initialDelayInMillis;
    }

    @Override
    protected long delay(Throwable cause) {
        double jitter = 1 + (random.getAsDouble() * 2 - 1) * JITTER;
        long delay = Math.round(next * jitter);
        next = next * FACTOR;
        return delay;
    }
}
