package dev.resilient.backend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.resilient.backend.api.SearchHit;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cache with Redis disabled (the default): level one alone, and the Redis client never touched. */
@QuarkusTest
class DistributedCacheTest {

    private static final TypeReference<List<SearchHit>> HITS = new TypeReference<>() {
    };
    private static final TypeReference<String> TEXT = new TypeReference<>() {
    };

    @Inject
    DistributedCache cache;

    @Inject
    InjectableInstance<RedisDataSource> redis;

    private static String fresh() {
        return "t" + UUID.randomUUID() + ":";
    }

    @Test
    void storedValueReadsBackAsTheRequestedType() {
        String key = fresh() + "kiwi";
        List<SearchHit> hits = List.of(new SearchHit("kiwi", "Kiwi birds cannot fly.", Map.of("path", "kiwi.md"), 0.25));
        cache.set(CacheRegion.SEARCH, key, hits);
        assertEquals(Optional.of(hits), cache.get(CacheRegion.SEARCH, key, HITS));
    }

    @Test
    void missingKeyIsEmpty() {
        assertTrue(cache.get(CacheRegion.SEARCH, fresh() + "never stored", HITS).isEmpty());
    }

    @Test
    void regionsAreSeparate() {
        String key = fresh() + "same key";
        cache.set(CacheRegion.LLM, key, "an answer");
        assertEquals(Optional.of("an answer"), cache.get(CacheRegion.LLM, key, TEXT));
        assertTrue(cache.get(CacheRegion.SEARCH, key, TEXT).isEmpty());
    }

    @Test
    void invalidatePrefixDropsOnlyEntriesUnderThatPrefixInThatRegion() {
        String project = fresh();
        String other = fresh();
        cache.set(CacheRegion.SEARCH, project + "a", "1");
        cache.set(CacheRegion.SEARCH, project + "b", "2");
        cache.set(CacheRegion.SEARCH, other + "a", "3");
        cache.set(CacheRegion.LLM, project + "a", "4");

        cache.invalidatePrefix(CacheRegion.SEARCH, project);

        assertTrue(cache.get(CacheRegion.SEARCH, project + "a", TEXT).isEmpty());
        assertTrue(cache.get(CacheRegion.SEARCH, project + "b", TEXT).isEmpty());
        assertEquals(Optional.of("3"), cache.get(CacheRegion.SEARCH, other + "a", TEXT));
        assertEquals(Optional.of("4"), cache.get(CacheRegion.LLM, project + "a", TEXT));
    }

    @Test
    void laterPutReplacesTheValue() {
        String key = fresh() + "q";
        cache.set(CacheRegion.LLM, key, "first");
        cache.set(CacheRegion.LLM, key, "second");
        assertEquals(Optional.of("second"), cache.get(CacheRegion.LLM, key, TEXT));
    }

    @Test
    void aValueLargerThanTheEntryLimitIsNotCachedAndLeavesTheOthers() {
        String key = fresh();
        cache.set(CacheRegion.SEARCH, key + "small", "kept");
        cache.set(CacheRegion.SEARCH, key + "huge", "x".repeat(64 * 1024)); // 128 KB as JSON in UTF-16: past 64K
        assertTrue(cache.get(CacheRegion.SEARCH, key + "huge", TEXT).isEmpty());
        assertEquals(Optional.of("kept"), cache.get(CacheRegion.SEARCH, key + "small", TEXT));
    }

    @Test
    void redisStateSaysDisabledWhenLevelTwoIsOff() {
        assertEquals("disabled", cache.redisState());
    }

    @Test
    void redisClientIsNeverCreatedWhileLevelTwoIsOff() {
        assertFalse(redis.getHandle().getBean().isActive(), "quarkus.redis.active follows backend.cache.redis.enabled");
    }

    @Test
    void redisGlobEscapesPatternCharacters() {
        assertEquals("a\\*b\\?c\\[d\\]e\\\\f", RedisLevel.glob("a*b?c[d]e\\f"));
    }
}
