package dev.resilient.backend.client.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.resilient.backend.client.InternalTokenHeaders;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;

/**
 * One stub's fault-injection API ({@code /_chaos}, behind the internal token), built per stub by
 * {@code ChaosService} from {@code backend.dashboard.chaos-targets.<service>}. Bodies are passed
 * through as JSON: the stub validates them and owns the format (stub-kit's README). Every method
 * throws {@code DownstreamClientError} on a 4xx (400 names the invalid field),
 * {@code DownstreamServerError} on a 5xx and {@code jakarta.ws.rs.ProcessingException} when the
 * stub cannot be reached.
 */
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/_chaos")
public interface ChaosClient {

    /** The fault in force and the stub's request counters. */
    @GET
    JsonNode status();

    /** Replaces the stub's fault, e.g. {@code {"mode":"error","status":500}}; answers the new status. */
    @PUT
    JsonNode inject(ObjectNode fault);

    /** Heals the stub: every request is served normally again. */
    @DELETE
    JsonNode heal();
}
