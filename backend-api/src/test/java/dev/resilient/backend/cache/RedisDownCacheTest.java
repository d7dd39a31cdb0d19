package dev.resilient.backend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every level on, Redis on a port where nothing listens: the cache works from memory and disk, and counts Redis' failures. */
@QuarkusTest
@TestProfile(RedisDownCacheTest.RedisDown.class)
class RedisDownCacheTest {

    public static class RedisDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.cache.redis.enabled", "true", "quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "backend.cache.disk.dir", "target/test-backend-cache-redis-down");
        }
    }

    private static final TypeReference<String> TEXT = new TypeReference<>() {
    };

    @Inject
    DistributedCache cache;

    @Inject
    MeterRegistry registry;

    @Test
    void everyOperationCarriesOnWithTheOtherLevelsAndRedisFailuresAreCounted() {
        String key = "t" + UUID.randomUUID();
        double before = registry.get("cache.level.failures").tag("level", "redis").counter().count();

        cache.set(CacheRegion.LLM, key, "kept", java.time.Duration.ofMinutes(1));
        assertEquals(Optional.of("kept"), cache.get(CacheRegion.LLM, key, TEXT));
        cache.delete(CacheRegion.LLM, key);
        assertTrue(cache.get(CacheRegion.LLM, key, TEXT).isEmpty());
        cache.invalidatePrefix(CacheRegion.LLM, "t");

        double failed = registry.get("cache.level.failures").tag("level", "redis").counter().count() - before;
        assertTrue(failed >= 3, "set, delete, the miss and the prefix each reached Redis and failed: " + failed);
        assertEquals(false, cache.levels().get("redis"));
        assertEquals(true, cache.levels().get("disk"));
    }
}
