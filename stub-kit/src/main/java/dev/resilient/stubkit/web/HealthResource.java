package dev.resilient.stubkit.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import dev.resilient.stubkit.config.StubConfig;

/**
 * The services' own {@code /health} and {@code /ready} (the seeds call them), public and subject
 * to injected faults like any endpoint: a broken stub looks broken to a health check too.
 * Quarkus' {@code /q/health} stays fault-free for the launcher and orchestrators.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    public record Health(String status, String service) {
    }

    private final String service;

    HealthResource(StubConfig config) {
        this.service = config.name();
    }

    @GET
    @Path("health")
    public Health health() {
        return new Health("ok", service);
    }

    @GET
    @Path("ready")
    public Health ready() {
        return new Health("ready", service);
    }
}
