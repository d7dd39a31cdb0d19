package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The two-level cache (keys {@code backend.cache.*}, env {@code BACKEND_CACHE_*}; docs/cache.md).
 * Level one's size and expiry are Quarkus' own {@code quarkus.cache.caffeine."<cache>".*} keys;
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
