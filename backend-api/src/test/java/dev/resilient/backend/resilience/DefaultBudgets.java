package dev.resilient.backend.resilience;

import dev.resilient.backend.config.BudgetConfig;
import java.time.Duration;
import java.util.Map;

/**
 * {@code backend.budgets.*} at application.properties' values, switched on or off, for plain unit tests that
 * build {@link Deadlines} or {@link RetryBudgets} without the container.
 */
record DefaultBudgets(boolean enabled) implements BudgetConfig {

    /** {@code backend.budgets.deadline.min-attempt}. */
    static final long MIN_ATTEMPT_MS = 100;

    @Override
    public BudgetConfig.Deadline deadline() {
        return new BudgetConfig.Deadline() {
            @Override
            public Duration defaultBudget() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Map<String, Duration> endpoints() {
                return Map.of();
            }

            @Override
            public Duration minAttempt() {
                return Duration.ofMillis(MIN_ATTEMPT_MS);
            }

            @Override
            public double fallbackShare() {
                return 0.5;
            }

            @Override
            public Duration breakerFloor() {
                return Duration.ofMillis(500);
            }

            @Override
            public Map<String, Duration> breakerFloors() {
                return Map.of("llm-primary", Duration.ofSeconds(2));
            }

            @Override
            public boolean honourCallerHeader() {
                return true;
            }
        };
    }

    @Override
    public BudgetConfig.Retry retry() {
        return new BudgetConfig.Retry() {
            @Override
            public double ratio() {
                return 0.1;
            }

            @Override
            public double minPerSecond() {
                return 1;
            }

            @Override
            public Duration window() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
