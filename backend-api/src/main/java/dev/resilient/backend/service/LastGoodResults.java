package dev.resilient.backend.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resilient.backend.api.SearchHit;
import dev.resilient.backend.cache.CacheRegion;
import dev.resilient.backend.cache.DistributedCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The last good answer to each user's query: search's third source, after the vector store and
 * full-text search. Kept in the {@link DistributedCache} region {@link CacheRegion#SEARCH} (memory,
 * disk, and Redis when enabled, so one backend can answer with what another found), under
 * {@code <user>__<project>:<normalised query>}; a project's entries go when its documents change.
 */
@ApplicationScoped
public class LastGoodResults {

    private static final TypeReference<List<SearchHit>> HITS = new TypeReference<>() {
    };
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A cached hit keeps this much of its text: enough to answer from, never a whole large document. */
    static final int SNIPPET_CHARS = 1_000;

    private final DistributedCache cache;

    LastGoodResults(DistributedCache cache) {
        this.cache = cache;
    }

    /** Keeps {@code hits}, each text cut to {@link #SNIPPET_CHARS}, as the answer to {@code query} in the user's project. */
    public void remember(Namespace ns, String query, List<SearchHit> hits) {
        cache.set(CacheRegion.SEARCH, key(ns, query), hits.stream().map(LastGoodResults::snippet).toList());
    }

    private static SearchHit snippet(SearchHit hit) {
        String text = hit.text();
        return text == null || text.length() <= SNIPPET_CHARS ? hit
                : new SearchHit(hit.id(), text.substring(0, SNIPPET_CHARS), hit.metadata(), hit.distance());
    }

    /** The last good answer to {@code query} (case and spacing aside), if one is still cached. */
    public Optional<List<SearchHit>> lookup(Namespace ns, String query) {
        return cache.get(CacheRegion.SEARCH, key(ns, query), HITS);
    }

    /** Drops every cached answer of the project, in this process and in Redis: its documents changed. */
    public void forget(Namespace ns) {
        cache.invalidatePrefix(CacheRegion.SEARCH, prefix(ns));
    }

    /** {@code ns.key()} never contains {@code :}, so one project's prefix never matches another's keys. */
    private static String prefix(Namespace ns) {
        return ns.key() + ':';
    }

    private static String key(Namespace ns, String query) {
        return prefix(ns) + SPACES.matcher(query.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
