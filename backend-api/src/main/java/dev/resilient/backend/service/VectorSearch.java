package dev.resilient.backend.service;

import dev.resilient.backend.api.SearchHit;
import dev.resilient.backend.api.SearchResponse;
import dev.resilient.backend.client.chroma.ChromaClient;
import dev.resilient.backend.client.chroma.ChromaDocument;
import dev.resilient.backend.client.chroma.ChromaQuery;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.ChromaGuard;
import dev.resilient.backend.resilience.Deadlines;
import dev.resilient.backend.resilience.DownstreamCall;
import dev.resilient.backend.resilience.DownstreamClientError;
import dev.resilient.backend.resilience.Downstream;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Search's first source, the vector store; falls back to {@link FullTextSearch} (seed 000, fail open). */
@ApplicationScoped
public class VectorSearch {

    private static final Logger LOG = Logger.getLogger(VectorSearch.class);

    private final ChromaClient chroma;
    private final ChromaGuard guard;
    private final FullTextSearch fullText;
    private final LastGoodResults lastGood;
    private final Deadlines deadlines;

    VectorSearch(@RestClient ChromaClient chroma, ChromaGuard guard, FullTextSearch fullText, LastGoodResults lastGood,
            Deadlines deadlines) {
        this.chroma = chroma;
        this.guard = guard;
        this.fullText = fullText;
        this.lastGood = lastGood;
        this.deadlines = deadlines;
    }

    /**
     * Chroma gets at most {@code backend.budgets.deadline.fallback-share} of the caller's time
     * left, so full-text search can still answer inside the budget.
     *
     * @param caller for whom, by when: the fallbacks get it whole
     * @return the closest chunks of the user's collection ({@code source: vector}); an unknown
     *         collection is an empty answer, not a failure
     * @throws NoSearchSourceException when no fallback can answer either
     */
    @Fallback(fallbackMethod = "fromFullText", skipOn = NoSearchSourceException.class)
    public SearchResponse search(Caller caller, Namespace ns, String query, int n) {
        ChromaQuery request = new ChromaQuery(ns.collection(), List.of(query), n);
        List<ChromaDocument> docs;
        try {
            docs = guard.call(DownstreamCall.to(Downstream.CHROMA, "POST /query", deadlines.keepingTimeForFallback(caller),
                    (budgetMs, criticality) -> chroma.query(budgetMs, criticality, request))).documents();
        } catch (DownstreamClientError e) {
            if (e.status() != 404) {
                throw e;
            }
            docs = List.of(); // no collection yet: nothing ingested, a real (empty) answer
        }
        List<SearchHit> hits = docs == null ? List.of()
                : docs.stream().map(d -> new SearchHit(d.id(), d.text(), d.metadata(), d.distance())).toList();
        LOG.infof("\u2713 Vector search found %d results", hits.size());
        lastGood.remember(ns, query, hits);
        return new SearchResponse(hits, "vector", false);
    }

    SearchResponse fromFullText(Caller caller, Namespace ns, String query, int n) {
        LOG.warn("Vector search unavailable, trying full-text fallback");
        return fullText.search(caller, ns, query, n);
    }
}
