package dev.resilient.backend.rest;

import dev.resilient.backend.api.JobView;
import dev.resilient.backend.job.IngestionJob;
import dev.resilient.backend.job.JobQueue;
import dev.resilient.backend.job.JobViews;
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

    private final JobQueue jobs;
    private final JsonWebToken jwt;

    JobResource(JobQueue jobs, JsonWebToken jwt) {
        this.jobs = jobs;
        this.jwt = jwt;
    }

    /**
     * @throws dev.resilient.kit.errors.ApiError 404 when the caller has no job of that id (another user's job
     *         included); 503 through {@link JobStoreErrorMapper} when the job database is unavailable
     */
    @GET
    @Path("{jobId}")
    public JobView job(@PathParam("jobId") String jobId) {
        String owner = Namespaces.of(jwt, null).user();
        IngestionJob j = jobs.status(owner, jobId)
                .orElseThrow(() -> ApiError.of(404, "job '" + jobId + "' not found"));
        return JobViews.of(j);
    }
}
