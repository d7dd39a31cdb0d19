package dev.resilient.backend.rest;

import dev.resilient.backend.api.JobView;
import dev.resilient.backend.job.IngestionJob;
import dev.resilient.backend.job.JobStore;
import dev.resilient.kit.errors.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code GET /v1/api/jobs/{job_id}}: a job's state, visible to its owner only (404 for anyone else). */
@Path("/v1/api/jobs")
@Authenticated
@TimeBudget("jobs")
public class JobResource {

    private final JobStore jobs;
    private final JsonWebToken jwt;

    JobResource(JobStore jobs, JsonWebToken jwt) {
        this.jobs = jobs;
        this.jwt = jwt;
    }

    @GET
    @Path("{jobId}")
    public JobView job(@PathParam("jobId") String jobId) {
        String owner = Namespaces.of(jwt, null).user();
        IngestionJob j = jobs.findOwned(owner, jobId)
                .orElseThrow(() -> ApiError.of(404, "job '" + jobId + "' not found"));
        return new JobView(j.id, j.project, j.state.wire(), j.attempts, j.maxAttempts, j.nextAttemptAt,
                j.documentCount, j.saved, j.indexed, j.gitFailed, j.lastError, j.createdAt, j.updatedAt, j.finishedAt, j.leasedBy,
                j.supersededDocuments());
    }
}
