package dev.resilient.backend.rest;

import dev.resilient.backend.api.SearchRequest;
import dev.resilient.backend.api.SearchResponse;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.service.Namespace;
import dev.resilient.backend.service.NoSearchSourceException;
import dev.resilient.backend.service.VectorSearch;
import dev.resilient.kit.errors.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** {@code POST /v1/api/search}: vector, then full-text, then the last good result, then 503. */
@Path("/v1/api/search")
@Authenticated
@TimeBudget("search")
public class SearchResource {

    private final VectorSearch search;
    private final BackendConfig config;
    private final JsonWebToken jwt;
    private final RequestBudget budget;

    SearchResource(VectorSearch search, BackendConfig config, JsonWebToken jwt, RequestBudget budget) {
        this.search = search;
        this.config = config;
        this.jwt = jwt;
        this.budget = budget;
    }

    @POST
    public SearchResponse search(@NotNull @Valid SearchRequest request) {
        int n = request.nResults() == null ? config.search().defaultResults() : request.nResults();
        Namespace ns = Namespaces.of(jwt, request.projectId());
        try {
            return search.search(budget.callerFor(ns), ns, request.query(), n);
        } catch (NoSearchSourceException e) {
            throw ApiError.of(503, "Search unavailable: " + e.getMessage());
        }
    }
}
