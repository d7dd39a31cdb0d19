package dev.resilient.backend.rest;

import dev.resilient.backend.api.StatusResponse;
import dev.resilient.backend.service.StatusService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/**
 * Seed 000 Example 3: every downstream's breaker, at two paths. Public, like {@code /q/health}: the
 * seeds make it the source for health dashboards and alerting, whose tools hold no user's token; so
 * it holds no user's data either (failures are summarised, see {@code Failures.summary}).
 */
@Path("/")
@TimeBudget("status")
public class StatusResource {

    private final StatusService status;

    StatusResource(StatusService status) {
        this.status = status;
    }

    @GET
    @Path("v1/api/status/services")
    public StatusResponse services() {
        return status.all();
    }

    @GET
    @Path("admin/service-status")
    public StatusResponse adminAlias() {
        return status.all();
    }
}
