package dev.resilient.backend.cache;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.KeyScanCursor;
import io.quarkus.redis.datasource.keys.RedisKeyNotFoundException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The third level: Redis, shared by every backend process, keys {@code <prefix>:<region>:<key>}.
 * Every command goes through {@link RedisGuard} (300 ms, breaker {@code redis}), so a Redis that is
 * down or hangs costs a call at most that, and nothing while the breaker is open.
 */
final class RedisLevel implements CacheLevel {

    private static final int SCAN_PAGE = 500;

    private final RedisGuard guard;
    private final Supplier<RedisDataSource> source;
    private final String keyPrefix;
    private volatile RedisDataSource client;

    /** @param source looked up on first use only, so nothing connects before the cache is used */
    RedisLevel(RedisGuard guard, Supplier<RedisDataSource> source, String keyPrefix) {
        this.guard = guard;
        this.source = source;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public String name() {
        return "redis";
    }

    /** {@code GET} and {@code PTTL} under one guarded call: the entry keeps its own lifetime in the levels it is copied to. */
    @Override
    public Optional<Entry> get(CacheRegion region, String key) {
        String redisKey = redisKey(region, key);
        return Optional.ofNullable(command(r -> {
            String json = r.value(String.class).get(redisKey);
            if (json == null) {
                return null;
            }
            try {
                long pttl = r.key().pttl(redisKey);
                return pttl > 0 ? new Entry(json, Duration.ofMillis(pttl)) : null;
            } catch (RedisKeyNotFoundException e) {
                return null; // expired between the two commands
            }
        }));
    }

    @Override
    public void set(CacheRegion region, String key, String json, Duration ttl) {
        long millis = Math.max(1, ttl.toMillis());
        command(r -> {
            r.value(String.class).psetex(redisKey(region, key), millis, json);
            return null;
        });
    }

    @Override
    public void delete(CacheRegion region, String key) {
        command(r -> r.key().del(redisKey(region, key)));
    }

    /** {@code SCAN MATCH <escaped prefix>*} in pages of 500 and {@code DEL} of each page; a failure on the way leaves the rest to their TTL. */
    @Override
    public void deletePrefix(CacheRegion region, String keyPrefix) {
        KeyScanArgs match = new KeyScanArgs().match(glob(redisKey(region, keyPrefix)) + "*").count(SCAN_PAGE);
        KeyScanCursor<String> cursor = command(r -> r.key().scan(match));
        while (cursor.hasNext()) {
            Set<String> page = command(r -> cursor.next());
            if (!page.isEmpty()) {
                String[] keys = page.toArray(String[]::new);
                command(r -> r.key().del(keys));
            }
        }
    }

    private <T> T command(Function<RedisDataSource, T> call) {
        return guard.call(() -> call.apply(client()));
    }

    private RedisDataSource client() {
        RedisDataSource ds = client;
        if (ds == null) {
            ds = source.get();
            client = ds;
        }
        return ds;
    }

    private String redisKey(CacheRegion region, String key) {
        return keyPrefix + ':' + region.key() + ':' + key;
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
}
