package dev.resilient.backend.health;

import dev.resilient.backend.api.ComponentView;
import dev.resilient.backend.service.HealthService;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The components of {@code GET /v1/api/health} in {@code /q/health/ready}: each one's latest active check
 * and, for a downstream, its breaker. Always UP: every downstream is fail-open or best effort except
 * billing, and taking replicas out of rotation because a shared dependency is down would help nobody
 * (every replica sees the same one); the backend still answers, in the mode the components give.
 */
@Readiness
@ApplicationScoped
public class DownstreamsHealthCheck implements HealthCheck {

    private final HealthService health;

    DownstreamsHealthCheck(HealthService health) {
        this.health = health;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("dependencies").up();
        health.components().forEach((name, c) -> builder.withData(name, line(c)));
        return builder.build();
    }

    /** E.g. {@code up (answered in 3 ms), breaker closed}. */
    private static String line(ComponentView c) {
        return c.status() + " (" + c.detail() + ")" + (c.breaker() == null ? "" : ", breaker " + c.breaker());
    }
}
