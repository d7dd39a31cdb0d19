package dev.resilient.backend.health;

import dev.resilient.backend.api.ServiceStatus;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.service.StatusService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows each downstream's breaker state in {@code /q/health/ready}. Always UP: every downstream
 * is fail-open or best effort except billing, and taking replicas out of rotation because billing
 * is down would help nobody (every replica sees the same billing); the backend still answers.
 */
@Readiness
@ApplicationScoped
public class DownstreamsHealthCheck implements HealthCheck {

    private final StatusService status;

    DownstreamsHealthCheck(StatusService status) {
        this.status = status;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream circuit breakers").up();
        for (Downstream d : Downstream.values()) {
            ServiceStatus s = status.status(d);
            builder.withData(d.key(), s.state() + " (" + s.failureCount() + " consecutive failures)");
        }
        return builder.build();
    }
}
