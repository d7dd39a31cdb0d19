package dev.resilient.backend.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One region's in-process store: JSON values by key, each expiring after its own TTL, bounded by
 * the bytes they take, not by their number, so that a few users storing large values cannot
 * exhaust the heap (10,000 entries of up to 50 whole chunks each once reached 500 MB). Plain
 * Caffeine rather than the Quarkus cache, whose configuration bounds entries by count only and has
 * no weigher nor per-entry expiry.
 */
final class LevelOne {

    /** Per entry on top of its characters: the entry, its key and value objects, the map's node. */
    static final int ENTRY_OVERHEAD_BYTES = 96;

    private record Held(String value, long ttlNanos) {
    }

    /** Each entry lives its own TTL from when it was written; reading it does not extend it. */
    private static final Expiry<String, Held> OWN_TTL = new Expiry<>() {
        @Override
        public long expireAfterCreate(String key, Held held, long now) {
            return held.ttlNanos();
        }

        @Override
        public long expireAfterUpdate(String key, Held held, long now, long currentDuration) {
            return held.ttlNanos();
        }

        @Override
        public long expireAfterRead(String key, Held held, long now, long currentDuration) {
            return currentDuration;
        }
    };

    private final Cache<String, Held> entries;
    private final Duration defaultTtl;

    LevelOne(long maxBytes, Duration defaultTtl) {
        this(maxBytes, defaultTtl, Ticker.systemTicker());
    }

    /** @param ticker the clock entries expire by (the backend's {@code TimeSource} in production, a fake one in tests) */
    LevelOne(long maxBytes, Duration defaultTtl, Ticker ticker) {
        this.defaultTtl = defaultTtl;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Held held) -> weight(key, held.value()))
                .expireAfter(OWN_TTL)
                .ticker(ticker)
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
        Held held = entries.getIfPresent(key);
        return held == null ? null : held.value();
    }

    /** The value with the time it has left; empty when absent or expired. */
    Optional<CacheLevel.Entry> entry(String key) {
        Held held = entries.getIfPresent(key);
        if (held == null) {
            return Optional.empty();
        }
        Duration left = entries.policy().expireVariably().flatMap(p -> p.getExpiresAfter(key)).orElse(Duration.ZERO);
        return Optional.of(new CacheLevel.Entry(held.value(), left));
    }

    /** {@link #put(String, String, Duration)} with the region's TTL. */
    void put(String key, String value) {
        put(key, value, defaultTtl);
    }

    /**
     * Stores {@code value} for {@code ttl} unless the same value is there already: re-putting it would
     * restart its expiry, and a value repeated by every search must still expire when its TTL is up.
     */
    void put(String key, String value, Duration ttl) {
        Held held = entries.getIfPresent(key);
        if (held == null || !held.value().equals(value)) {
            entries.put(key, new Held(value, Math.max(1, ttl.toNanos())));
        }
    }

    void invalidate(String key) {
        entries.invalidate(key);
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
