package dev.resilient.backend.client.git;

import dev.resilient.backend.client.InternalTokenHeaders;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Project snapshots ({@code quarkus.rest-client.git.url}, env {@code GIT_SERVER_URL}). Guarded by
 * {@code GitGuard}. Throws {@code DownstreamClientError} on a 4xx, {@code DownstreamServerError}
 * on a 5xx, {@code ProcessingException} when the connection fails.
 */
@RegisterRestClient(configKey = "git")
@RegisterClientHeaders(InternalTokenHeaders.class)
@Path("/")
public interface GitClient {

    /** Records a snapshot of a project with a message. */
    @POST
    @Path("snapshot/{projectId}")
    GitSnapshot snapshot(@PathParam("projectId") String projectId, SnapshotRequest request);
}
