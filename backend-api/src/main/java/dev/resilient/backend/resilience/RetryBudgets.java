package dev.resilient.backend.resilience;

import dev.resilient.backend.config.BudgetConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The retry budget of every downstream, with its metrics: gauge {@code retry.budget.available}
 * and counter {@code retry.budget.retries} (tag {@code outcome}: allowed, denied), both tagged
 * {@code downstream}. With {@code backend.budgets.enabled=false} every retry is allowed but still
 * counted, so the share of retries can be compared with budgets on and off.
 */
@ApplicationScoped
public class RetryBudgets {

    private final Map<Downstream, RetryBudget> budgets = new EnumMap<>(Downstream.class);
    private final Map<Downstream, Counter> allowed = new EnumMap<>(Downstream.class);
    private final Map<Downstream, Counter> denied = new EnumMap<>(Downstream.class);
    private final BudgetConfig config;

    RetryBudgets(BudgetConfig config, MeterRegistry registry, TimeSource clock) {
        this.config = config;
        int window = (int) Math.max(1, config.retry().window().toSeconds());
        for (Downstream d : Downstream.values()) {
            RetryBudget budget = new RetryBudget(config.retry().ratio(), config.retry().minPerSecond(), window,
                    clock::millis);
            budgets.put(d, budget);
            Gauge.builder("retry.budget.available", budget, b -> b.snapshot().available())
                    .description("Retries the downstream's retry budget allows now").tag("downstream", d.key())
                    .register(registry);
            allowed.put(d, counter(registry, d, "allowed"));
            denied.put(d, counter(registry, d, "denied"));
        }
    }

    private static Counter counter(MeterRegistry registry, Downstream d, String outcome) {
        return Counter.builder("retry.budget.retries").description("Retries asked of the retry budget")
                .tag("downstream", d.key()).tag("outcome", outcome).register(registry);
    }

    /** Counts a call's first attempt. */
    void recordCall(Downstream d) {
        budgets.get(d).recordCall();
    }

    /** Whether {@code d} may retry now; takes the retry from its budget when it may. */
    boolean tryRetry(Downstream d) {
        if (!config.enabled()) {
            budgets.get(d).recordRetry();
            allowed.get(d).increment();
            return true;
        }
        boolean ok = budgets.get(d).tryRetry();
        (ok ? allowed : denied).get(d).increment();
        return ok;
    }

    public RetryBudgetState snapshot(Downstream d) {
        return budgets.get(d).snapshot();
    }

    public boolean enabled() {
        return config.enabled();
    }
}
