package dev.resilient.backend.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.config.CacheConfig;
import dev.resilient.backend.resilience.TimeSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Seed 004's DistributedCache: {@link #get}, {@link #set} with a TTL per entry, {@link #delete} and
 * {@link #invalidatePrefix}, over up to three levels, each on or off by configuration: this
 * process' memory ({@link MemoryLevel}), files in the data directory that survive a restart
 * ({@link DiskLevel}), and Redis, shared by every backend process ({@link RedisLevel}). A read goes
 * down the levels and copies a hit into the levels above it, with the time the entry has left;
 * writes and deletions go to every level. Values are JSON at every level, so an entry reads the same
 * whichever level holds it and no caller can change a cached value in place.
 * <p>
 * No level's failure fails a call: the level is skipped for that call, counted
 * ({@code cache.level.failures}) and logged once when it starts failing and once when it answers
 * again ({@link LevelHealth}). Hits and misses per level and region are the Micrometer counter
 * {@code cache.gets} (tags {@code level}, {@code region}, {@code result}). docs/cache.md describes keys,
 * TTLs, invalidation and configuration.
 */
@ApplicationScoped
public class DistributedCache {

    private static final Logger LOG = Logger.getLogger(DistributedCache.class);

    private final List<CacheLevel> levels;
    private final Map<CacheLevel, LevelHealth> health = new HashMap<>();
    private final Map<String, Counter> gets = new HashMap<>();
    private final Map<CacheRegion, Duration> regionTtls = new EnumMap<>(CacheRegion.class);
    private final long maxEntryBytes;
    private final ObjectMapper json;
    private final Supplier<String> redisState;
    private final Runnable onStart;

    @Inject
    DistributedCache(CacheConfig config, ObjectMapper json, RedisGuard guard, Instance<RedisDataSource> redisSource,
            CircuitBreakerMaintenance breakers, MeterRegistry registry, TimeSource time) {
        this(levels(config, json, guard, redisSource, time), regionTtls(config), config.maxEntryBytes().asLongValue(),
                json, registry, config.redis().enabled() ? () -> wire(breakers.currentState(RedisGuard.BREAKER)) : () -> "disabled",
                config.redis().enabled() ? () -> breakers.onStateChange(RedisGuard.BREAKER, DistributedCache::breakerChanged) : () -> {
                });
    }

    /**
     * @param levels     in the order a read asks them
     * @param redisState what {@link #redisState()} answers
     * @param onStart    run once the application has started
     */
    DistributedCache(List<CacheLevel> levels, Map<CacheRegion, Duration> regionTtls, long maxEntryBytes, ObjectMapper json,
            MeterRegistry registry, Supplier<String> redisState, Runnable onStart) {
        this.levels = List.copyOf(levels);
        this.regionTtls.putAll(regionTtls);
        this.maxEntryBytes = maxEntryBytes;
        this.json = json;
        this.redisState = redisState;
        this.onStart = onStart;
        for (CacheLevel level : this.levels) {
            String others = this.levels.stream().filter(l -> l != level).map(CacheLevel::name)
                    .collect(Collectors.joining(", "));
            health.put(level, new LevelHealth(level.name(), others.isEmpty() ? "no level" : others, registry));
            for (CacheRegion region : CacheRegion.values()) {
                for (String result : List.of("hit", "miss")) {
                    gets.put(level.name() + region.key() + result, Counter.builder("cache.gets")
                            .description("Reads of one cache level, by whether it held the entry")
                            .tag("level", level.name()).tag("region", region.key()).tag("result", result)
                            .register(registry));
                }
            }
        }
    }

    private static List<CacheLevel> levels(CacheConfig config, ObjectMapper json, RedisGuard guard,
            Instance<RedisDataSource> redisSource, TimeSource time) {
        List<CacheLevel> levels = new ArrayList<>();
        if (config.memory().enabled()) {
            levels.add(MemoryLevel.of(config, time::nanoTime));
        }
        if (config.disk().enabled()) {
            levels.add(new DiskLevel(Path.of(config.disk().dir()), config.disk().maxBytes().asLongValue(),
                    Clock.systemUTC(), json));
        }
        if (config.redis().enabled()) {
            LOG.infof("Cache level redis: keys %s:<region>:<key>", config.redis().keyPrefix());
            levels.add(new RedisLevel(guard, redisSource::get, config.redis().keyPrefix()));
        }
        return levels;
    }

    private static Map<CacheRegion, Duration> regionTtls(CacheConfig config) {
        Map<CacheRegion, Duration> ttls = new EnumMap<>(CacheRegion.class);
        for (CacheRegion region : CacheRegion.values()) {
            ttls.put(region, region.ttl(config));
        }
        return ttls;
    }

    void logBreakerChanges(@Observes StartupEvent event) {
        onStart.run();
    }

    /**
     * The cached value: the first level holding it, which then fills the levels above it for the
     * time the entry has left. A level that fails is skipped (a miss for this call).
     *
     * @param type what the value was stored as, e.g. {@code new TypeReference<List<SearchHit>>() {}}
     * @return the value, or empty when no level holds it, or it does not read as {@code type} (logged)
     */
    public <T> Optional<T> get(CacheRegion region, String key, TypeReference<T> type) {
        for (int i = 0; i < levels.size(); i++) {
            CacheLevel level = levels.get(i);
            Optional<CacheLevel.Entry> found = at(level, "GET", () -> level.get(region, key)).flatMap(e -> e);
            gets.get(level.name() + region.key() + (found.isPresent() ? "hit" : "miss")).increment();
            if (found.isPresent()) {
                CacheLevel.Entry entry = found.get();
                for (CacheLevel above : levels.subList(0, i)) {
                    at(above, "SET", () -> {
                        above.set(region, key, entry.json(), entry.ttlLeft());
                        return null;
                    });
                }
                return read(region, key, entry.json(), type);
            }
        }
        return Optional.empty();
    }

    /** {@link #set(CacheRegion, String, Object, Duration)} for the region's TTL ({@code backend.cache.search-ttl}, {@code llm-ttl}). */
    public void set(CacheRegion region, String key, Object value) {
        set(region, key, value, regionTtls.get(region));
    }

    /**
     * Stores {@code value} as JSON at every level for {@code ttl}. Never fails the caller: a value that
     * cannot be written as JSON, or is larger than {@code backend.cache.max-entry-bytes}, is not cached,
     * and a failing level is skipped.
     */
    public void set(CacheRegion region, String key, Object value, Duration ttl) {
        String stored;
        try {
            stored = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            LOG.warnf("Not cached: %s entry %s cannot be written as JSON (%s)", region.key(), key, e.getOriginalMessage());
            return;
        }
        if (LevelOne.weight(key, stored) > maxEntryBytes) {
            LOG.debugf("Not cached: %s entry %s is larger than backend.cache.max-entry-bytes", region.key(), key);
            return;
        }
        for (CacheLevel level : levels) {
            at(level, "SET", () -> {
                level.set(region, key, stored, ttl);
                return null;
            });
        }
    }

    /** Drops the entry at every level; a level that fails keeps it until its TTL. */
    public void delete(CacheRegion region, String key) {
        for (CacheLevel level : levels) {
            at(level, "DELETE", () -> {
                level.delete(region, key);
                return null;
            });
        }
    }

    /**
     * Drops every entry of the region whose key starts with {@code keyPrefix}, at every level (Redis:
     * {@code SCAN MATCH} and {@code DEL}). A level that fails on the way keeps what it did not drop yet
     * until its TTL.
     */
    public void invalidatePrefix(CacheRegion region, String keyPrefix) {
        for (CacheLevel level : levels) {
            at(level, "DELETE_PREFIX", () -> {
                level.deletePrefix(region, keyPrefix);
                return null;
            });
        }
    }

    /**
     * The Redis level's state for the status endpoint: {@code disabled}, or the Redis breaker's state
     * ({@code closed}, {@code open}, {@code half_open}).
     */
    public String redisState() {
        return redisState.get();
    }

    /** The levels in use, in the order a read asks them, each with whether it answered its last call. */
    public Map<String, Boolean> levels() {
        Map<String, Boolean> answering = new LinkedHashMap<>();
        levels.forEach(l -> answering.put(l.name(), health.get(l).answering()));
        return answering;
    }

    /** @return what the call returned; empty when it returned null or the level failed (counted, logged once) */
    private <T> Optional<T> at(CacheLevel level, String operation, Supplier<T> call) {
        LevelHealth h = health.get(level);
        try {
            T result = call.get();
            h.succeeded();
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            h.failed(operation, e);
            return Optional.empty();
        }
    }

    private <T> Optional<T> read(CacheRegion region, String key, String stored, TypeReference<T> type) {
        try {
            return Optional.ofNullable(json.readValue(stored, type));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring %s entry %s: not the expected JSON (%s)", region.key(), key, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    private static void breakerChanged(CircuitBreakerState state) {
        switch (state) {
            case OPEN -> LOG.errorf("[Redis] \u2717 Circuit breaker OPEN (threshold reached): cache level redis skipped");
            case HALF_OPEN -> LOG.infof("[Redis] \uD83D\uDD04 Circuit breaker HALF_OPEN (testing recovery)");
            case CLOSED -> LOG.infof("[Redis] \uD83D\uDD04 Circuit breaker CLOSED (service recovered)");
        }
    }

    private static String wire(CircuitBreakerState state) {
        return state.name().toLowerCase();
    }
}
