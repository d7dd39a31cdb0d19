package dev.resilient.backend.rest;

import dev.resilient.backend.api.HealthResponse;
import dev.resilient.backend.service.HealthService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Seed 004's {@code /api/health}: {@code {"status": "ok"|"degraded", "operation_mode", "components"}}, always
 * 200 while the backend answers (it still serves in every mode; {@code status} says how well). Public,
 * like {@code /q/health} and the status endpoint: monitors hold no user's token, and it holds no user's
 * data (check details are kinds of failure, not messages). Critical at admission ({@code EndpointCriticality}).
 */
@Path("/v1/api/health")
@TimeBudget("status")
public class HealthResource {

    private final HealthService health;

    HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
    public HealthResponse get() {
        return health.health();
    }
}
