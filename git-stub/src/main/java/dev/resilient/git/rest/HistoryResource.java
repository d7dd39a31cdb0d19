package dev.resilient.git.rest;

import dev.resilient.git.model.History;
import dev.resilient.stubkit.model.ProjectIds;
import dev.resilient.git.service.SnapshotStore;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/history/{project_id}")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    private final SnapshotStore store;

    HistoryResource(SnapshotStore store) {
        this.store = store;
    }

    /**
     * Lists the project's snapshots, newest first, at most {@code limit} (1..1000, default 100).
     * Answers 404 when the project has no snapshot, 400 for a malformed project id or limit.
     */
    @GET
    public History history(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
            @QueryParam("limit") @DefaultValue("100")
            @Pattern(regexp = "0*(1000|[1-9][0-9]{0,2})", message = "must be an integer from 1 to 1000") String limit) {
        // a String checked by pattern: an int parameter would turn "abc" into a 404, as JAX-RS requires
        return store.history(projectId, Integer.parseInt(limit));
    }
}
