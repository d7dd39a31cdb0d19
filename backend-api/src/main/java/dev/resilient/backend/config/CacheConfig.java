package dev.resilient.backend.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The two-level cache (keys {@code backend.cache.*}, env {@code BACKEND_CACHE_*}; docs/cache.md).
 * Redis' address and client timeout are Quarkus' {@code quarkus.redis.*} keys.
 */
@ConfigMapping(prefix = "backend.cache")
public interface CacheConfig {

    /** How long a search result stays cached (level two's SETEX; level one's expiry defaults to it). */
    @WithDefault("PT10M")
    Duration searchTtl();

    /** How long an LLM answer stays cached. */
    @WithDefault("PT1H")
    Duration llmTtl();

    /** Most memory level one gives search results in this process (e.g. {@code 32M}); the least used go first. */
    @WithDefault("32M")
    MemorySize searchMaxBytes();

    /** Most memory level one gives LLM answers in this process. */
    @WithDefault("8M")
    MemorySize llmMaxBytes();

    /** A value larger than this (as JSON) is cached at neither level: one entry never takes a region's room, nor Redis'. */
    @WithDefault("64K")
    MemorySize maxEntryBytes();

    /** Level two. */
    Redis redis();

    interface Redis {
        /** Whether level two (Redis, shared by every backend process) is used at all. */
        @WithDefault("false")
        boolean enabled();

        /** First part of every Redis key: {@code <key-prefix>:<region>:<key>}. */
        @WithDefault("resilient")
        String keyPrefix();
    }
}
