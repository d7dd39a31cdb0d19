package dev.resilient.backend.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * One region's in-process level: JSON values by key, bounded by the bytes they take, not by their
 * number, so that a few users storing large values cannot exhaust the heap (10,000 entries of up to
 * 50 whole chunks each once reached 500 MB). Plain Caffeine rather than the Quarkus cache, whose
 * configuration bounds entries by count only and has no weigher.
 */
final class LevelOne {

    /** Per entry on top of its characters: the entry, its key and value objects, the map's node. */
    static final int ENTRY_OVERHEAD_BYTES = 96;

    private final Cache<String, String> entries;

    LevelOne(long maxBytes, Duration ttl) {
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, String value) -> weight(key, value))
                .expireAfterWrite(ttl)
                // Maintenance on the caller's thread: the JDK's async pool starts a new thread per
                // task on 2 CPUs (bench/RESULTS.md), and eviction here is a few map operations.
                .executor(Runnable::run)
                .build();
    }

    /** What an entry weighs: two bytes a character (UTF-16 at worst) plus {@link #ENTRY_OVERHEAD_BYTES}. */
    static int weight(String key, String value) {
        long bytes = 2L * (key.length() + value.length()) + ENTRY_OVERHEAD_BYTES;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    String get(String key) {
        return entries.getIfPresent(key);
    }

    /**
     * Stores {@code value} unless the same value is there already: re-putting it would restart its
     * expiry, and a value repeated by every search must still expire when its TTL is up.
     */
    void put(String key, String value) {
        if (!value.equals(entries.getIfPresent(key))) {
            entries.put(key, value);
        }
    }

    void invalidateIf(Predicate<String> key) {
        entries.asMap().keySet().removeIf(key);
    }

    /** The weight held now, after pending evictions. */
    long weightedSize() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }
}
