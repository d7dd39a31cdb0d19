package dev.resilient.backend.health;

import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationModeService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The operation mode and its reasons in {@code /q/health/ready}; UP in every mode (the backend still answers). */
@Readiness
@ApplicationScoped
public class OperationModeHealthCheck implements HealthCheck {

    private final OperationModeService modes;

    OperationModeHealthCheck(OperationModeService modes) {
        this.modes = modes;
    }

    @Override
    public HealthCheckResponse call() {
        ModeState s = modes.current();
        return HealthCheckResponse.named("operation mode").up()
                .withData("mode", s.mode().name())
                .withData("reason", s.reason())
                .withData("severity", s.reasons().stream().mapToLong(r -> r.severity()).max().orElse(0))
                .withData("source", s.source())
                .withData("since", s.since().toString())
                .build();
    }
}
