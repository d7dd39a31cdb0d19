package dev.resilient.backend.cache;

import dev.resilient.backend.config.CacheConfig;
import java.time.Duration;
import java.util.function.Function;

/**
 * What the cache holds, each region with its own Quarkus cache (level one), Redis key space
 * ({@code <prefix>:<region>:<key>}, level two) and time to live.
 */
public enum CacheRegion {
    /** The last good answer to a search, per namespace and query. */
    SEARCH("search", CacheConfig::searchTtl),
    /** Answers of the LLM. */
    LLM("llm", CacheConfig::llmTtl);

    /**
     * Level-one cache names, constants so {@code @CacheName} can name them ({@code TwoLevelCache}
     * takes one cache per region), configured by {@code quarkus.cache.caffeine."<name>".*}.
     */
    static final class Names {
        static final String SEARCH = "search-results";
        static final String LLM = "llm-answers";

        private Names() {
        }
    }

    private final String key;
    private final Function<CacheConfig, Duration> ttl;

    CacheRegion(String key, Function<CacheConfig, Duration> ttl) {
        this.key = key;
        this.ttl = ttl;
    }

    /** The region's part of a Redis key, e.g. {@code search}. */
    public String key() {
        return key;
    }

    /** How long an entry of this region lives ({@code backend.cache.search-ttl}, {@code backend.cache.llm-ttl}). */
    public Duration ttl(CacheConfig config) {
        return ttl.apply(config);
    }
}
