package dev.resilient.backend.resilience;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Seed 004's LLM backoff: each wait is the provider's factor times the previous, plus or minus its
 * jitter (defaults 1.5 and 20%), the {@link BackoffShape} of the guarded call's downstream
 * ({@link BackoffShapes}, which {@link BudgetedInterceptor} hands over: SmallRye creates the strategy
 * itself and gives it nothing but the failure). A custom strategy because {@code @ExponentialBackoff}
 * takes only an integer factor and MicroProfile's jitter is absolute, not relative. Asks the budgets
 * first, as every backoff here.
 */
public class JitteredBackoff extends BudgetedBackoff {

    private final DoubleSupplier random;
    private final BackoffShape fixed;
    private double next;

    /** SmallRye creates one per guarded call with this constructor. */
    public JitteredBackoff() {
        this(() -> ThreadLocalRandom.current().nextDouble(), null);
    }

    /**
     * @param random uniform in [0, 1)
     * @param shape  the factor and jitter; null for the guarded call's
     */
    JitteredBackoff(DoubleSupplier random, BackoffShape shape) {
        this.random = random;
        this.fixed = shape;
    }

    @Override
    public void init(long initialDelayInMillis) {
        next = initialDelayInMillis;
    }

    @Override
    protected long delay(Throwable cause) {
        BackoffShape shape = shape();
        double jitter = 1 + (random.getAsDouble() * 2 - 1) * shape.jitter();
        long delay = Math.round(next * jitter);
        next = next * shape.factor();
        return delay;
    }

    private BackoffShape shape() {
        if (fixed != null) {
            return fixed;
        }
        BackoffShape running = BudgetedInterceptor.backoffShape();
        return running == null ? BackoffShape.LLM_DEFAULT : running;
    }
}
