package dev.resilient.backend.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.backend.config.CacheConfig;
import dev.resilient.backend.resilience.Failures;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Seed 004's DistributedCache: level one is this process' {@link LevelOne} of the region (bounded
 * by bytes), level two, when {@code backend.cache.redis.enabled}, is Redis, shared by every backend
 * process. Values are JSON at both levels, so an entry reads the same whichever level holds it.
 * <p>
 * Redis is optional in every sense: with it disabled the Redis client is never looked up; with it
 * failing (down, slow, breaker open) every operation carries on with level one alone, and the
 * failure is logged once when it starts and once when Redis answers again, not per call.
 * docs/cache.md describes keys, TTLs, invalidation and configuration.
 */
@ApplicationScoped
public class TwoLevelCache {

    private static final Logger LOG = Logger.getLogger(TwoLevelCache.class);
    private static final int SCAN_PAGE = 500;

    private final Map<CacheRegion, LevelOne> levelOne = new EnumMap<>(CacheRegion.class);
    private final CacheConfig config;
    private final ObjectMapper json;
    private final RedisGuard guard;
    private final Instance<RedisDataSource> redisSource;
    private final CircuitBreakerMaintenance breakers;
    /** Whether the last Redis command succeeded: the log says so only when this flips. */
    private final AtomicBoolean redisAnswering = new AtomicBoolean(true);
    private volatile RedisDataSource client;

    TwoLevelCache(CacheConfig config, ObjectMapper json, RedisGuard guard, Instance<RedisDataSource> redisSource,
            CircuitBreakerMaintenance breakers) {
        for (CacheRegion region : CacheRegion.values()) {
            levelOne.put(region, new LevelOne(region.maxBytes(config), region.ttl(config)));
        }
        this.config = config;
        this.json = json;
        this.guard = guard;
        this.redisSource = redisSource;
        this.breakers = breakers;
    }

    void logBreakerChanges(@Observes StartupEvent event) {
        if (redisEnabled()) {
            LOG.infof("Cache level two: Redis, keys %s:<region>:<key>", config.redis().keyPrefix());
            breakers.onStateChange(RedisGuard.BREAKER, TwoLevelCache::breakerChanged);
        }
    }

    /**
     * The cached value: level one, else level two (which then fills level one).
     *
     * @param type what the value was stored as, e.g. {@code new TypeReference<List<SearchHit>>() {}}
     * @return the value, or empty when neither level holds it (or Redis cannot be asked)
     */
    public <T> Optional<T> get(CacheRegion region, String key, TypeReference<T> type) {
        String stored = fromLevelOne(region, key);
        if (stored == null) {
            stored = redis("GET", r -> r.value(String.class).get(redisKey(region, key))).orElse(null);
            if (stored != null) {
                toLevelOne(region, key, stored);
            }
        }
        return stored == null ? Optional.empty() : read(region, key, stored, type);
    }

    /**
     * Stores {@code value} as JSON at both levels, for the region's TTL. Never fails the caller: a
     * value that cannot be written as JSON, or is larger than {@code backend.cache.max-entry-bytes},
     * is not cached, and Redis failing leaves level one only.
     */
    public void put(CacheRegion region, String key, Object value) {
        String stored;
        try {
            stored = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            LOG.warnf("Not cached: %s entry %s cannot be written as JSON (%s)", region.key(), key, e.getOriginalMessage());
            return;
        }
        if (LevelOne.weight(key, stored) > config.maxEntryBytes().asLongValue()) {
            LOG.debugf("Not cached: %s entry %s is larger than backend.cache.max-entry-bytes", region.key(), key);
            return;
        }
        toLevelOne(region, key, stored);
        long seconds = Math.max(1, region.ttl(config).toSeconds());
        redis("SETEX", r -> {
            r.value(String.class).setex(redisKey(region, key), seconds, stored);
            return null;
        });
    }

    /**
     * Drops every entry of the region whose key starts with {@code keyPrefix}: at level one by
     * iterating its keys, at level two by {@code SCAN MATCH} and {@code DEL}. With Redis failing,
     * its entries stay until their TTL.
     */
    public void invalidatePrefix(CacheRegion region, String keyPrefix) {
        levelOne.get(region).invalidateIf(k -> k.startsWith(keyPrefix));
        if (!redisEnabled()) {
            return;
        }
        KeyScanArgs match = new KeyScanArgs().match(glob(redisKey(region, keyPrefix)) + "*").count(SCAN_PAGE);
        Optional<KeyScanCursor<String>> cursor = redis("SCAN", r -> r.key().scan(match));
        while (cursor.isPresent() && cursor.get().hasNext()) {
            Optional<Set<String>> page = redis("SCAN", r -> cursor.get().next());
            if (page.isEmpty()) {
                return; // Redis failed: what is left there expires with its TTL
            }
            if (!page.get().isEmpty()) {
                String[] keys = page.get().toArray(String[]::new);
                redis("DEL", r -> r.key().del(keys));
            }
        }
    }

    /**
     * Level two's state for the status endpoint: {@code disabled}, or the Redis breaker's state
     * ({@code closed}, {@code open}, {@code half_open}).
     */
    public String redisState() {
        return redisEnabled() ? wire(breakers.currentState(RedisGuard.BREAKER)) : "disabled";
    }

    private boolean redisEnabled() {
        return config.redis().enabled();
    }

    private String fromLevelOne(CacheRegion region, String key) {
        return levelOne.get(region).get(key);
    }

    private void toLevelOne(CacheRegion region, String key, String stored) {
        levelOne.get(region).put(key, stored);
    }

    private <T> Optional<T> read(CacheRegion region, String key, String stored, TypeReference<T> type) {
        try {
            return Optional.ofNullable(json.readValue(stored, type));
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring %s entry %s: not the expected JSON (%s)", region.key(), key, e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs one Redis command under {@link RedisGuard}, or nothing when Redis is disabled.
     *
     * @return the command's result; empty when it had none, Redis is disabled, or Redis failed
     */
    private <T> Optional<T> redis(String command, Function<RedisDataSource, T> call) {
        if (!redisEnabled()) {
            return Optional.empty();
        }
        try {
            T result = guard.call(() -> call.apply(client()));
            if (redisAnswering.compareAndSet(false, true)) {
                LOG.infof("\u21bb Redis answers again: cache level two back in use");
            }
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            if (redisAnswering.compareAndSet(true, false)) {
                LOG.warnf("\u2717 Redis %s failed (%s): the cache serves from level one (this process) until Redis answers",
                        command, Failures.describe(e));
            } else {
                LOG.debugf("Redis %s failed: %s", command, Failures.describe(e));
            }
            return Optional.empty();
        }
    }

    /** The client, looked up on first use only, so nothing is created or connected while Redis is disabled. */
    private RedisDataSource client() {
        RedisDataSource ds = client;
        if (ds == null) {
            ds = redisSource.get();
            client = ds;
        }
        return ds;
    }

    private String redisKey(CacheRegion region, String key) {
        return config.redis().keyPrefix() + ':' + region.key() + ':' + key;
    }

    /** {@code text} as a literal in a Redis glob pattern. */
    static String glob(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if ("*?[]\\^".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private static void breakerChanged(CircuitBreakerState state) {
        switch (state) {
            case OPEN -> LOG.errorf("[Redis] \u2717 Circuit breaker OPEN (threshold reached): cache level two skipped");
            case HALF_OPEN -> LOG.infof("[Redis] \uD83D\uDD04 Circuit breaker HALF_OPEN (testing recovery)");
            case CLOSED -> LOG.infof("[Redis] \uD83D\uDD04 Circuit breaker CLOSED (service recovered)");
        }
    }

    private static String wire(CircuitBreakerState state) {
        return state.name().toLowerCase();
    }
}
