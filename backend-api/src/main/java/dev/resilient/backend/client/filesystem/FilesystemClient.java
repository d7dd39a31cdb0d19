package dev.resilient.backend.client.filesystem;

import dev.resilient.backend.client.InternalTokenHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Per-project files with full-text search ({@code quarkus.rest-client.filesystem.url}, env
 * {@code FILESYSTEM_SERVER_URL}). Guarded by {@code FilesystemGuard}. Throws
 * {@code DownstreamClientError} on a 4xx (404: unknown project), {@code DownstreamServerError} on a
 * 5xx, {@code ProcessingException} when the connection fails.
 */
@RegisterRestClient(configKey = "filesystem")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface FilesystemClient {

    /** Appends to or overwrites a file of a project; answers its new size. */
    @POST
    @Path("save_file")
    Map<String, Object> saveFile(@HeaderParam("X-User-ID") String userId, SaveFileRequest request);

    /** Full-text search over a project's files under the folder {@code under}, best hits first. */
    @GET
    @Path("projects/{projectId}/search")
    FullTextResults search(@PathParam("projectId") String projectId, @QueryParam("q") String query,
            @QueryParam("limit") int limit, @QueryParam("under") String under);
}
