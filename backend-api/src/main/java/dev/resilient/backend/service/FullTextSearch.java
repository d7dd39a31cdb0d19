package dev.resilient.backend.service;

import dev.resilient.backend.api.SearchHit;
import dev.resilient.backend.api.SearchResponse;
import dev.resilient.backend.client.filesystem.FilesystemClient;
import dev.resilient.backend.client.filesystem.FullTextHit;
import dev.resilient.backend.config.BackendConfig;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.FilesystemGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Search's second source, the filesystem's full-text search over the project's documents folder
 * ({@code backend.search.documents-folder}), each attempt at most {@code backend.search.fulltext-timeout}
 * (seed 000: 5 s); falls back to the last good result.
 */
@ApplicationScoped
public class FullTextSearch {

    private static final Logger LOG = Logger.getLogger(FullTextSearch.class);

    private final FilesystemClient filesystem;
    private final FilesystemGuard guard;
    private final LastGoodResults lastGood;
    private final String documentsFolder;
    private final java.time.Duration timeout;

    FullTextSearch(@RestClient FilesystemClient filesystem, FilesystemGuard guard, LastGoodResults lastGood, BackendConfig config) {
        this.documentsFolder = config.search().documentsFolder();
        this.timeout = config.search().fulltextTimeout();
        this.filesystem = filesystem;
        this.guard = guard;
        this.lastGood = lastGood;
    }

    /**
     * @return full-text hits ({@code source: fulltext}), or the last good answer to this query ({@code source: cache})
     * @throws NoSearchSourceException when full-text search fails and nothing is cached
     */
    @Fallback(fallbackMethod = "fromCache", skipOn = NoSearchSourceException.class)
    public SearchResponse search(Caller caller, Namespace ns, String query, int n) {
        List<FullTextHit> found;
        try {
            found = guard.call(DownstreamCall.to(Downstream.FILESYSTEM, "GET /projects/{id}/search", caller,
                    (budgetMs, criticality) -> filesystem.search(budgetMs, criticality, ns.key(), query, n, documentsFolder))
                    .eachAttemptAtMost(timeout)).results();
        } catch (DownstreamClientError e) {
            if (e.status() != 404) {
                throw e;
            }
            found = List.of(); // no files yet
        }
        List<SearchHit> hits = found == null ? List.of() : found.stream().map(FullTextSearch::toHit).toList();
        LOG.infof("\u2713 Full-text search found %d results", hits.size());
        lastGood.remember(ns, query, hits);
        return new SearchResponse(hits, "fulltext", true);
    }

    SearchResponse fromCache(Caller caller, Namespace ns, String query, int n) {
        LOG.warn("Full-text search also failed, trying the last good result");
        return lastGood.lookup(ns, query)
                .map(hits -> new SearchResponse(hits.stream().limit(n).toList(), "cache", true))
                .orElseThrow(() -> new NoSearchSourceException(query));
    }

    private static SearchHit toHit(FullTextHit h) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("path", h.path());
        metadata.put("score", h.score());
        return new SearchHit(h.path(), h.snippet(), metadata, null);
    }
}
