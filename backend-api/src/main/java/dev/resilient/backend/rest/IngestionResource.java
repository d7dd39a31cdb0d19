package dev.resilient.backend.rest;

import dev.resilient.backend.model.IngestRequest;
import dev.resilient.backend.model.IngestResult;
import dev.resilient.backend.service.IndexingFailedException;
import dev.resilient.backend.service.IngestionService;
import dev.resilient.errors.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /v1/api/projects/{id}/documents}: saves, indexes and snapshots documents into the
 * caller's project. 200 with {@code saved}, {@code indexed}, {@code git_failed}; 503 when
 * indexing (the critical step) fails.
 */
@Path("/v1/api/projects/{id}/documents")
@Authenticated
public class IngestionResource {

    private final IngestionService ingestion;
    private final JsonWebToken jwt;

    IngestionResource(IngestionService ingestion, JsonWebToken jwt) {
        this.ingestion = ingestion;
        this.jwt = jwt;
    }

    @POST
    public IngestResult ingest(@PathParam("id") String projectId, @NotNull @Valid IngestRequest request) {
        try {
            return ingestion.ingest(Namespaces.of(jwt, projectId), request.documents());
        } catch (IndexingFailedException e) {
            throw ApiError.withBody(503, e.getMessage(),
                    Map.of("error", e.getMessage(), "saved", e.saved(), "indexed", e.indexed()));
        }
    }
}
