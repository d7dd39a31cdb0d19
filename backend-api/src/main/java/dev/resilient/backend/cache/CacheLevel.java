package dev.resilient.backend.cache;

import java.time.Duration;
import java.util.Optional;

/**
 * One level of the {@link DistributedCache}: JSON values by region and key, each with its own time
 * to live. A level may fail any call (an unwritable directory, Redis down): the cache catches it,
 * skips the level for that call, logs the change once and counts it; no caller sees it.
 */
interface CacheLevel {

    /** A stored value and how long it has left to live. */
    record Entry(String json, Duration ttlLeft) {
    }

    /** {@code memory}, {@code disk} or {@code redis}: the name in logs and the metrics' {@code level} tag. */
    String name();

    /**
     * @return the entry, or empty when the level does not hold it or it has expired
     * @throws RuntimeException when the level cannot be read
     */
    Optional<Entry> get(CacheRegion region, String key);

    /** @throws RuntimeException when the level cannot store it */
    void set(CacheRegion region, String key, String json, Duration ttl);

    /** @throws RuntimeException when the level cannot drop it */
    void delete(CacheRegion region, String key);

    /** Drops every entry of the region whose key starts with {@code keyPrefix}. @throws RuntimeException when the level fails on the way */
    void deletePrefix(CacheRegion region, String keyPrefix);
}
