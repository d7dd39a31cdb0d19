package dev.resilient.stubkit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** A minimal endpoint so stub-kit can prove its contract without a real stub. */
@Path("/echo")
@Produces(MediaType.APPLICATION_JSON)
public class EchoResource {

    @GET
    public Map<String, String> get() {
        return Map.of("echo", "ok");
    }

    @POST
    public Map<String, Object> post(Map<String, Object> body) {
        return body;
    }
}
