package dev.resilient.backend.probe;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;

/** Redis, the cache's shared level, checked only while it is enabled: {@code PING}. */
final class RedisProbe implements Probe {

    static final String COMPONENT = "redis";

    private final ReactiveRedisDataSource redis;

    RedisProbe(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public Uni<Void> run() {
        return redis.execute("PING").replaceWithVoid();
    }

    @Override
    public String toString() {
        return COMPONENT + " (PING)";
    }
}
