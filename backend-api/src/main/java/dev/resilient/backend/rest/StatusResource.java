package dev.resilient.backend.rest;

import dev.resilient.backend.model.StatusResponse;
import dev.resilient.backend.service.StatusService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Seed 000 Example 3: every downstream's breaker, at two paths. */
@Path("/")
@Authenticated
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
