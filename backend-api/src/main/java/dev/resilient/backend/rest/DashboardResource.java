package dev.resilient.backend.rest;

import dev.resilient.backend.api.DashboardState;
import dev.resilient.backend.api.LoginRequest;
import dev.resilient.backend.service.DashboardService;
import dev.resilient.kit.errors.ApiError;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The data behind the dashboard page ({@code /dashboard/}, static files under
 * {@code META-INF/resources/dashboard}). Both calls are public: the state holds only breaker and
 * mode data, as {@code /q/health/ready} does; the login exchanges credentials for a token at
 * auth-stub, which the page then sends to the admin-only chaos API.
 */
@Path("/v1/api/dashboard")
@TimeBudget("dashboard")
public class DashboardResource {

    private final DashboardService dashboard;
    private final RequestBudget budget;

    DashboardResource(DashboardService dashboard, RequestBudget budget) {
        this.dashboard = dashboard;
        this.budget = budget;
    }

    @GET
    @Path("state")
    public DashboardState state() {
        return dashboard.state();
    }

    /** {@code {username, password}} to auth-stub's token answer; 401 for wrong credentials. */
    @POST
    @Path("login")
    public Response login(@Valid LoginRequest credentials) {
        if (credentials == null) {
            throw ApiError.of(400, "a JSON body with 'username' and 'password' is required");
        }
        return Response.ok(dashboard.login(budget.anonymousCaller(), credentials)).header("Cache-Control", "no-store").build();
    }
}
