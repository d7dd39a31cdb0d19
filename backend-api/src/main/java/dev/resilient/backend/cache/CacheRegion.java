package dev.resilient.backend.cache;

import dev.resilient.backend.config.CacheConfig;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What the cache holds, each region with its own bounded in-process store (level one), Redis key space
 * ({@code <prefix>:<region>:<key>}, level two) and time to live.
 */
public enum CacheRegion {
    /** The last good answer to a search, per namespace and query. */
    SEARCH("search", CacheConfig::searchTtl, c -> c.searchMaxBytes().asLongValue()),
    /** Answers of the LLM. */
    LLM("llm", CacheConfig::llmTtl, c -> c.llmMaxBytes().asLongValue());

    private final String key;
    private final Function<CacheConfig, Duration> ttl;
    private final ToLongFunction<CacheConfig> maxBytes;

    CacheRegion(String key, Function<CacheConfig, Duration> ttl, ToLongFunction<CacheConfig> maxBytes) {
        this.key = key;
        this.ttl = ttl;
        this.maxBytes = maxBytes;
    }

    /** The region's part of a Redis key, e.g. {@code search}. */
    public String key() {
        return key;
    }

    /** How long an entry of this region lives ({@code backend.cache.search-ttl}, {@code backend.cache.llm-ttl}). */
    public Duration ttl(CacheConfig config) {
        return ttl.apply(config);
    }

    /** Level one's memory for this region ({@code backend.cache.search-max-bytes}, {@code backend.cache.llm-max-bytes}). */
    public long maxBytes(CacheConfig config) {
        return maxBytes.applyAsLong(config);
    }
}
