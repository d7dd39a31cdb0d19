package dev.resilient.backend.service;

import dev.resilient.backend.model.SearchHit;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The last good answer to each user's query (Quarkus cache, Caffeine): search's third source,
 * after the vector store and full-text search. Size and expiry are {@code quarkus.cache.caffeine."last-good-search".*}.
 */
@ApplicationScoped
public class LastGoodResults {

    private final CaffeineCache cache;

    LastGoodResults(@CacheName("last-good-search") Cache cache) {
        this.cache = cache.as(CaffeineCache.class);
    }

    public void remember(Namespace ns, String query, List<SearchHit> hits) {
        cache.put(key(ns, query), CompletableFuture.completedFuture(List.copyOf(hits)));
    }

    @SuppressWarnings("unchecked")
    public Optional<List<SearchHit>> lookup(Namespace ns, String query) {
        CompletableFuture<Object> found = cache.getIfPresent(key(ns, query));
        if (found == null || !found.isDone() || found.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of((List<SearchHit>) found.join());
    }

    private static String key(Namespace ns, String query) {
        return ns.key() + '\u0000' + query.strip().toLowerCase();
    }
}
