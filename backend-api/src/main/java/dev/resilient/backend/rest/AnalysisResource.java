package dev.resilient.backend.rest;

import dev.resilient.backend.analysis.DocumentAnalysisService;
import dev.resilient.backend.api.AnalysisAnswer;
import dev.resilient.backend.api.AnalysisRequest;
import dev.resilient.backend.job.JobQueue;
import dev.resilient.backend.service.Namespace;
import dev.resilient.kit.errors.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Document analysis (seed 004's complete example), for the caller's own project only:
 * {@code POST /v1/api/projects/{id}/documents/{doc}/analysis} answers the cached analysis of the document's newest
 * version (200, {@code source: "cache"}, no job queued), else queues a {@code document-analysis} job (202 with its
 * {@code job_id}; 200 with the same job when the caller's {@code job_id} already names it); {@code GET} answers the
 * cached analysis, else the newest job for that version. 503 while the {@code document-analysis} feature is off.
 */
@Path("/v1/api/projects/{id}/documents/{doc}/analysis")
@Authenticated
public class AnalysisResource {

    /** A document id as ingestion accepts it ({@link dev.resilient.backend.api.DocumentIn}). */
    private static final Pattern DOCUMENT_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final DocumentAnalysisService analyses;
    private final JsonWebToken jwt;

    AnalysisResource(DocumentAnalysisService analyses, JsonWebToken jwt) {
        this.analyses = analyses;
        this.jwt = jwt;
    }

    /**
     * @param request {@code job_id} and {@code priority} (-10..10, default 0), each optional; a JSON body must be
     *                an object ({@code {}} at least): an empty one is a 400, as for every JSON endpoint
     * @throws ApiError 400 for a bad project id, document id, job id or priority; 404 for a document the project
     *         does not have; 409 for a job id already naming another request; 503 while the feature is off, or the
     *         job database is unavailable ({@link JobStoreErrorMapper})
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @TimeBudget("ingestion")
    public Response request(@PathParam("id") String projectId, @PathParam("doc") String docId,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Valid AnalysisRequest request) {
        if (request == null) {
            // A request without a Content-Type matches this method too (what `curl -X POST` sends): no body,
            // every field the default. An empty body declared as JSON is not a JSON object.
            if (contentType != null) {
                throw ApiError.of(400, "request must not be null: send a JSON object ({} at least), or no body at all");
            }
            return submit(projectId, docId, null, null);
        }
        return submit(projectId, docId, request.jobId(), request.priority());
    }

    private Response submit(String projectId, String docId, String jobId, Integer priority) {
        Namespace ns = namespace(projectId, docId);
        DocumentAnalysisService.Requested r = analyses.request(ns, docId, jobId,
                priority == null ? JobQueue.DEFAULT_PRIORITY : priority);
        if (r.job() == null) {
            return Response.ok(r.answer()).build();
        }
        return Response.status(r.created() ? 202 : 200).entity(r.answer())
                .location(URI.create("/v1/api/jobs/" + r.job().publicId)).build();
    }

    /**
     * The same request with no body, and no JSON {@code Content-Type} (clients send none, or a form's, for an
     * empty POST): every field is the default.
     *
     * @throws ApiError 415 for a non-empty body of another type than JSON (it would be ignored); else as {@link #request}
     */
    @POST
    @TimeBudget("ingestion")
    public Response requestWithoutBody(@PathParam("id") String projectId, @PathParam("doc") String docId,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @HeaderParam("Transfer-Encoding") String transferEncoding) {
        if (transferEncoding != null || (contentLength != null && !contentLength.trim().equals("0"))) {
            throw ApiError.of(415, "send the body as application/json, or no body at all");
        }
        return submit(projectId, docId, null, null);
    }

    /**
     * @throws ApiError 400 for a bad project or document id; 404 for a document the project does not have, or
     *         whose newest version was never analysed; 503 when the job database is unavailable
     */
    @GET
    @TimeBudget("jobs")
    public AnalysisAnswer read(@PathParam("id") String projectId, @PathParam("doc") String docId) {
        return analyses.read(namespace(projectId, docId), docId);
    }

    private Namespace namespace(String projectId, String docId) {
        Namespace ns = Namespaces.of(jwt, projectId);
        if (!DOCUMENT_ID.matcher(docId).matches()) {
            throw ApiError.of(400, "document id must match " + DOCUMENT_ID.pattern());
        }
        return ns;
    }
}
