package dev.resilient.backend.client.git;

import dev.resilient.backend.client.InternalTokenHeaders;
import dev.resilient.kit.criticality.CriticalityHeader;
import dev.resilient.kit.deadline.DeadlineHeader;
import dev.resilient.kit.idempotency.IdempotencyKeyHeader;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Project snapshots ({@code quarkus.rest-client.git.url}, env {@code GIT_SERVER_URL}). Guarded by
 * {@code GitGuard}. Fails with {@code DownstreamClientError} on a 4xx, {@code DownstreamServerError}
 * on a 5xx, {@code ProcessingException} when the connection fails.
 * Each guarded method returns a {@link Uni}: the guard subscribes once per attempt and stops
 * waiting (cancelling the request) when the caller's deadline comes first. {@code budgetMs} is the
 * attempt's time budget, sent as {@code X-Request-Timeout-Ms} (no header when null), and
 * {@code criticality} the caller's, sent as {@code X-Request-Criticality}: a stub past its capacity
 * refuses the least important with 503.
 */
@RegisterRestClient(configKey = "git")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface GitClient {

    /**
     * Records a snapshot of a project with a message, once per {@code idempotencyKey}: sent again with
     * the same key (its answer was lost), git answers the snapshot it recorded and records nothing, which
     * is what makes retrying this call safe. Fails with {@code DownstreamClientError} 422 when the key was
     * first used with another message, 507 when the project's tenant holds all the history it may.
     */
    @POST
    @Path("snapshot/{projectId}")
    Uni<GitSnapshot> snapshot(@HeaderParam(DeadlineHeader.NAME) Long budgetMs,
            @HeaderParam(CriticalityHeader.NAME) String criticality,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey, @PathParam("projectId") String projectId,
            SnapshotRequest request);
}
