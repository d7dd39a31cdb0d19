package dev.resilient.backend.rest;

import dev.resilient.backend.api.IngestRequest;
import dev.resilient.backend.api.JobAccepted;
import dev.resilient.backend.job.IngestionJob;
import dev.resilient.backend.job.JobStore;
import dev.resilient.backend.job.SubmissionQuotas;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.service.Namespace;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Durable ingestion: {@code POST /v1/api/projects/{id}/documents} stores a job and answers 202
 * {@code {job_id}} at once; {@link JobResource} follows it. 503 while the {@code document-analysis}
 * feature is off (EMERGENCY and MAINTENANCE modes by default).
 */
@Path("/v1/api/projects/{id}/documents")
@Authenticated
@TimeBudget("ingestion")
public class IngestionResource {

    static final int DEFAULT_PRIORITY = 5;

    private final JobStore jobs;
    private final SubmissionQuotas quotas;
    private final FeatureFlags features;
    private final JsonWebToken jwt;

    IngestionResource(JobStore jobs, SubmissionQuotas quotas, FeatureFlags features, JsonWebToken jwt) {
        this.jobs = jobs;
        this.quotas = quotas;
        this.features = features;
        this.jwt = jwt;
    }

    @POST
    public Response submit(@PathParam("id") String projectId, @NotNull @Valid IngestRequest request) {
        Namespace ns = Namespaces.of(jwt, projectId);
        features.require(FeatureFlags.DOCUMENT_ANALYSIS, "Document ingestion");
        quotas.check(ns);
        IngestionJob job = jobs.submit(ns, request.documents(),
                request.priority() == null ? DEFAULT_PRIORITY : request.priority());
        return Response.accepted(new JobAccepted(job.id, job.state.wire()))
                .location(URI.create("/v1/api/jobs/" + job.id)).build();
    }
}
