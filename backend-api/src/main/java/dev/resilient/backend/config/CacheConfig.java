package dev.resilient.backend.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The three-level cache (keys {@code backend.cache.*}, env {@code BACKEND_CACHE_*}; docs/cache.md):
 * memory, then disk, then Redis, each on or off on its own. Redis' address and client timeout are
 * Quarkus' {@code quarkus.redis.*} keys.
 */
@ConfigMapping(prefix = "backend.cache")
public interface CacheConfig {

    /** How long a search result stays cached when its caller gives no TTL of its own. */
    @WithDefault("PT10M")
    Duration searchTtl();

    /** How long an LLM answer stays cached when its caller gives no TTL of its own. */
    @WithDefault("PT1H")
    Duration llmTtl();

    /** Most memory the memory level gives search results in this process (e.g. {@code 32M}); the least used go first. */
    @WithDefault("32M")
    MemorySize searchMaxBytes();

    /** Most memory the memory level gives LLM answers in this process. */
    @WithDefault("8M")
    MemorySize llmMaxBytes();

    /** A value larger than this (as JSON) is cached at no level: one entry never takes a region's room, nor Redis'. */
    @WithDefault("64K")
    MemorySize maxEntryBytes();

    /** The first level, this process' memory. */
    Memory memory();

    /** The second level, files in a data directory: survives a restart of this process. */
    Disk disk();

    /** The third level, Redis, shared by every backend process. */
    Redis redis();

    interface Memory {
        /** Whether the memory level is used. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Disk {
        /** Whether the disk level is used. */
        @WithDefault("true")
        boolean enabled();

        /** The directory of its files, one per entry under {@code <dir>/<region>/}; created when missing. */
        @WithDefault("./data/backend/cache")
        String dir();

        /** Most bytes its files take in all; past it, the entries closest to expiry go first. */
        @WithDefault("256M")
        MemorySize maxBytes();
    }

    interface Redis {
        /** Whether the Redis level (shared by every backend process) is used at all. */
        @WithDefault("false")
        boolean enabled();

        /** First part of every Redis key: {@code <key-prefix>:<region>:<key>} (seed 004's {@code redis_prefix}). */
        @WithDefault("resilient")
        String keyPrefix();
    }
}
