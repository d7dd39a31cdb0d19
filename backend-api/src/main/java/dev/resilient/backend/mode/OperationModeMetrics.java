package dev.resilient.backend.mode;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Gauge {@code operation.mode} (Prometheus {@code operation_mode}, tag {@code mode}): 1 for the mode in
 * force, 0 for the others. The mode was only in the status endpoint and the log; as a metric an alert
 * can fire on EMERGENCY (deploy/prometheus/alerts.yml) and a dashboard can show how long each mode held.
 * A scrape reads {@link OperationModeService#current()}: the breakers, the latest health-check results
 * and this process's copy of the override, no I/O.
 */
@Startup
@ApplicationScoped
public class OperationModeMetrics {

    static final String NAME = "operation.mode";

    @Inject
    OperationModeMetrics(OperationModeService modes, MeterRegistry registry) {
        this(() -> modes.current().mode(), registry);
    }

    OperationModeMetrics(Supplier<OperationMode> current, MeterRegistry registry) {
        for (OperationMode mode : OperationMode.values()) {
            Gauge.builder(NAME, current, c -> c.get() == mode ? 1 : 0)
                    .description("1 for the operation mode in force (NORMAL, DEGRADED, EMERGENCY, MAINTENANCE), 0 for the others")
                    .tag("mode", mode.name())
                    .strongReference(true)
                    .register(registry);
        }
    }
}
