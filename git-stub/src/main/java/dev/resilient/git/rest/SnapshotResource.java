package dev.resilient.git.rest;

import dev.resilient.stubkit.model.ProjectIds;
import dev.resilient.git.model.Snapshot;
import dev.resilient.git.model.SnapshotRequest;
import dev.resilient.git.service.SnapshotOutcome;
import dev.resilient.git.service.SnapshotStore;
import dev.resilient.kit.idempotency.IdempotencyKeyHeader;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

@Path("/snapshot/{project_id}")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    static final int KEY_MAX_LENGTH = 128;

    private final SnapshotStore store;

    SnapshotResource(SnapshotStore store) {
        this.store = store;
    }

    /**
     * Records a snapshot of the project whose parent is its latest snapshot (none for the first),
     * with a git-like 12-hex id. Answers 201 with the snapshot and a {@code Location} header. With an
     * {@code Idempotency-Key} (1 to 128 visible ASCII characters) a snapshot is recorded once per key
     * and project: the same key and message again answer 200 with the recorded snapshot and
     * {@code Idempotent-Replayed: true}, recording nothing. Fails with 400 for a malformed project id,
     * key or body, or a blank message or one over 2000 characters; 422 when the key was first used for
     * another message; 507 when the project's tenant (its id up to {@code __}) would hold more history
     * than {@code git.max-bytes-per-tenant}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @NotNull(message = "request body is required") @Valid SnapshotRequest request,
            @Context UriInfo uri) {
        String problem = IdempotencyKeyHeader.problem(idempotencyKey, KEY_MAX_LENGTH);
        if (problem != null) {
            throw new BadRequestException(problem);
        }
        SnapshotOutcome outcome = store.create(projectId, request.message(), idempotencyKey);
        Snapshot snapshot = outcome.snapshot();
        if (outcome.replayed()) {
            return Response.ok(snapshot).header(IdempotencyKeyHeader.REPLAYED, "true").build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(snapshot.snapshotId()).build())
                .entity(snapshot).build();
    }

    /** Returns one snapshot; 404 when the project has no history or no snapshot with that id. */
    @GET
    @Path("{snapshot_id}")
    public Snapshot get(
            @PathParam("project_id") @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
            @PathParam("snapshot_id") String snapshotId) {
        return store.find(projectId, snapshotId);
    }
}
