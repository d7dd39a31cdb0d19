package dev.resilient.backend.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.resilient.backend.config.CacheConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The first level: this process' memory, one byte-bounded {@link LevelOne} per region. Never fails. */
final class MemoryLevel implements CacheLevel {

    private final Map<CacheRegion, LevelOne> regions;

    /** @param regions one store for each region */
    MemoryLevel(Map<CacheRegion, LevelOne> regions) {
        this.regions = new EnumMap<>(regions);
    }

    /** Each region's store bounded by its {@code backend.cache.<region>-max-bytes}; {@code ticker} is the clock entries expire by. */
    static MemoryLevel of(CacheConfig config, Ticker ticker) {
        Map<CacheRegion, LevelOne> regions = new EnumMap<>(CacheRegion.class);
        for (CacheRegion region : CacheRegion.values()) {
            regions.put(region, new LevelOne(region.maxBytes(config), region.ttl(config), ticker));
        }
        return new MemoryLevel(regions);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Optional<Entry> get(CacheRegion region, String key) {
        return regions.get(region).entry(key);
    }

    @Override
    public void set(CacheRegion region, String key, String json, Duration ttl) {
        regions.get(region).put(key, json, ttl);
    }

    @Override
    public void delete(CacheRegion region, String key) {
        regions.get(region).invalidate(key);
    }

    @Override
    public void deletePrefix(CacheRegion region, String keyPrefix) {
        regions.get(region).invalidateIf(k -> k.startsWith(keyPrefix));
    }
}
