package dev.resilient.backend.client.filesystem;

import dev.resilient.backend.client.InternalTokenHeaders;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import io.smallrye.mutiny.Uni;
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
 * {@code FILESYSTEM_SERVER_URL}). Guarded by {@code FilesystemGuard}. Fails with
 * {@code DownstreamClientError} on a 4xx (404: unknown project), {@code DownstreamServerError} on a
 * 5xx, {@code ProcessingException} when the connection fails.
 * Each guarded method returns a {@link Uni}: the guard subscribes once per attempt and stops
 * waiting (cancelling the request) when the caller's deadline comes first. {@code budgetMs} is the
 * attempt's time budget, sent as {@code X-Request-Timeout-Ms} (no header when null), and
 * {@code criticality} the caller's, sent as {@code X-Request-Criticality}: a stub past its capacity
 * refuses the least important with 503.
 */
@RegisterRestClient(configKey = "filesystem")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface FilesystemClient {

    /** Appends to or overwrites a file of a project; answers its new size. */
    @POST
    @Path("save_file")
    Uni<Map<String, Object>> saveFile(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, @HeaderParam("X-User-ID") String userId,
            SaveFileRequest request);

    /** Full-text search over a project's files under the folder {@code under}, best hits first. */
    @GET
    @Path("projects/{projectId}/search")
    Uni<FullTextResults> search(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality, @PathParam("projectId") String projectId,
            @QueryParam("q") String query, @QueryParam("limit") int limit, @QueryParam("under") String under);
}
