package dev.resilient.backend.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.api.IdempotencyKey;
import dev.resilient.backend.api.IngestRequest;
import dev.resilient.backend.api.JobAccepted;
import dev.resilient.backend.job.IngestionJob;
import dev.resilient.backend.job.IdempotentSubmission;
import dev.resilient.backend.job.JobQueue;
import dev.resilient.backend.job.JobStore;
import dev.resilient.backend.job.JobStoreException;
import dev.resilient.backend.job.SubmissionQuotas;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import dev.resilient.kit.hash.Hashes;
import dev.resilient.kit.idempotency.IdempotencyKeyHeader;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
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

    private final JobStore jobs;
    private final SubmissionQuotas quotas;
    private final FeatureFlags features;
    private final JsonWebToken jwt;
    private final ObjectMapper json;

    IngestionResource(JobStore jobs, SubmissionQuotas quotas, FeatureFlags features, JsonWebToken jwt, ObjectMapper json) {
        this.jobs = jobs;
        this.quotas = quotas;
        this.features = features;
        this.jwt = jwt;
        this.json = json;
    }

    /**
     * Stores an ingestion job on the default queue; {@code priority} -10..10 (default 0), higher first, orders
     * the caller's own jobs. With an {@code Idempotency-Key}, a repeat of the same request (same project and body) within
     * {@code backend.jobs.idempotency-window} answers 202 with the first job ({@code Idempotent-Replayed:
     * true}) and stores nothing; the same key with another request is a 422.
     */
    @POST
    public Response submit(@PathParam("id") String projectId, @NotNull @Valid IngestRequest request,
            @HeaderParam(IdempotencyKey.HEADER) String idempotencyKey) {
        Namespace ns = Namespaces.of(jwt, projectId);
        features.require(FeatureFlags.DOCUMENT_ANALYSIS, "Document ingestion");
        IdempotentSubmission idempotent = IdempotencyKey.validated(idempotencyKey) == null ? null
                : new IdempotentSubmission(idempotencyKey, requestHash(ns, request));
        try {
            Optional<IngestionJob> first = idempotent == null ? Optional.empty() : jobs.replayOf(ns, idempotent);
            if (first.isPresent()) {
                return accepted(first.get(), true); // a client that lost the 202: no quota, nothing stored
            }
            quotas.check(ns);
            int priority = request.priority() == null ? JobQueue.DEFAULT_PRIORITY : request.priority();
            try {
                return accepted(jobs.submit(ns, request.documents(), priority, idempotent), false);
            } catch (JobStoreException raced) {
                Optional<IngestionJob> winner = idempotent == null ? Optional.empty() : jobs.replayOf(ns, idempotent);
                if (winner.isPresent()) {
                    return accepted(winner.get(), true); // a concurrent submission with this key was stored first
                }
                // a concurrent submission added one of these new document ids first: now it is known
                return accepted(jobs.submit(ns, request.documents(), priority, idempotent), false);
            }
        } catch (IdempotentSubmission.KeyReusedException e) {
            throw ApiError.of(422, e.getMessage());
        }
    }

    private static Response accepted(IngestionJob job, boolean replayed) {
        Response.ResponseBuilder answer = Response.accepted(new JobAccepted(job.publicId, job.state.wire()))
                .location(URI.create("/v1/api/jobs/" + job.publicId));
        return (replayed ? answer.header(IdempotencyKeyHeader.REPLAYED, "true") : answer).build();
    }

    /** The request as it was submitted: project, documents in order, priority. */
    private String requestHash(Namespace ns, IngestRequest request) {
        try {
            return Hashes.sha256Hex(ns.project() + '\0' + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated request is always JSON", e);
        }
    }
}
