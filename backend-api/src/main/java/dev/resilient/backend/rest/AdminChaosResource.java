package dev.resilient.backend.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilient.backend.service.ChaosService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The dashboard's chaos buttons (admin only: a token with the {@code admin} group; 403
 * otherwise): set, read and heal a stub's fault through its {@code /_chaos} API. The body of
 * {@code PUT} is the stub's own ({@code {"mode":"error","status":500}}, README "Fault injection");
 * 404 for an unknown service, 400 for an invalid fault, 502 when the stub cannot be reached.
 */
@Path("/v1/api/admin/chaos/{service}")
@RolesAllowed("admin")
@TimeBudget("admin")
public class AdminChaosResource {

    private final ChaosService chaos;
    private final JsonWebToken jwt;

    AdminChaosResource(ChaosService chaos, JsonWebToken jwt) {
        this.chaos = chaos;
        this.jwt = jwt;
    }

    @GET
    public JsonNode status(@PathParam("service") String service) {
        return chaos.status(service);
    }

    @PUT
    public JsonNode inject(@PathParam("service") String service, ObjectNode fault) {
        return chaos.inject(service, fault, jwt.getName());
    }

    @DELETE
    public JsonNode heal(@PathParam("service") String service) {
        return chaos.heal(service, jwt.getName());
    }
}
