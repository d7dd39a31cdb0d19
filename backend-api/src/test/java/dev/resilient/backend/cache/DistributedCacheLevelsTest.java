package dev.resilient.backend.cache;

import dev.resilient.backend.support.FakeClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The levels together, on a fake clock: reads go down the levels and fill the ones above, every
 * level is optional, and a failing level never fails a call but is counted.
 */
class DistributedCacheLevelsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<String> TEXT = new TypeReference<>() {
    };
    private static final Map<CacheRegion, Duration> TTLS = Map.of(CacheRegion.SEARCH, Duration.ofMinutes(10),
            CacheRegion.LLM, Duration.ofHours(1));

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private LevelOne memoryStore() {
        return new LevelOne(1024 * 1024, Duration.ofMinutes(10), clock);
    }

    /** A memory level of one store per region on the fake clock. */
    private CacheLevel memory() {
        return new MemoryLevel(Map.of(CacheRegion.SEARCH, memoryStore(), CacheRegion.LLM, memoryStore()));
    }

    private DiskLevel disk(Path at) {
        return new DiskLevel(at, 1024 * 1024, clock, JSON);
    }

    private DistributedCache cache(CacheLevel... levels) {
        return new DistributedCache(List.of(levels), TTLS, 64 * 1024, JSON, registry, () -> "disabled", () -> {
        });
    }

    private double gets(String level, String result) {
        return registry.get("cache.gets").tag("level", level).tag("region", "search").tag("result", result).counter().count();
    }

    private double failures(String level) {
        return registry.get("cache.level.failures").tag("level", level).counter().count();
    }

    @Test
    void aDiskHitAfterARestartFillsMemoryAndIsCountedPerLevel() {
        cache(memory(), disk(dir)).set(CacheRegion.SEARCH, "q", "answer");

        DistributedCache restarted = cache(memory(), disk(dir)); // memory empty, the same files

        assertEquals(Optional.of("answer"), restarted.get(CacheRegion.SEARCH, "q", TEXT));
        assertEquals(1, gets("memory", "miss"));
        assertEquals(1, gets("disk", "hit"));
        assertEquals(Optional.of("answer"), restarted.get(CacheRegion.SEARCH, "q", TEXT));
        assertEquals(1, gets("memory", "hit"), "the disk hit was copied into memory");
        assertEquals(1, gets("disk", "hit"));
    }

    @Test
    void aCopiedEntryKeepsTheTimeItHadLeftNotANewTtl() {
        cache(memory(), disk(dir)).set(CacheRegion.LLM, "q", "answer", Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(50));
        DistributedCache restarted = cache(memory(), disk(dir));
        assertEquals(Optional.of("answer"), restarted.get(CacheRegion.LLM, "q", TEXT)); // copied into memory, 10 s left

        clock.advance(Duration.ofSeconds(11));

        assertTrue(restarted.get(CacheRegion.LLM, "q", TEXT).isEmpty(), "expired at every level");
    }

    @Test
    void ttlPerEntryExpiresOnTheClock() {
        DistributedCache cache = cache(memory(), disk(dir));
        cache.set(CacheRegion.SEARCH, "short", "a", Duration.ofSeconds(5));
        cache.set(CacheRegion.SEARCH, "region-ttl", "b");
        clock.advance(Duration.ofSeconds(6));
        assertTrue(cache.get(CacheRegion.SEARCH, "short", TEXT).isEmpty());
        assertEquals(Optional.of("b"), cache.get(CacheRegion.SEARCH, "region-ttl", TEXT));
        clock.advance(Duration.ofMinutes(10));
        assertTrue(cache.get(CacheRegion.SEARCH, "region-ttl", TEXT).isEmpty(), "the region's 10 min");
    }

    @Test
    void deleteAndPrefixInvalidationReachEveryLevel() {
        DistributedCache cache = cache(memory(), disk(dir));
        cache.set(CacheRegion.SEARCH, "alice__a:q", "1");
        cache.set(CacheRegion.SEARCH, "alice__a:r", "2");
        cache.set(CacheRegion.SEARCH, "alice__ab:q", "3");
        cache.set(CacheRegion.SEARCH, "single", "4");

        cache.invalidatePrefix(CacheRegion.SEARCH, "alice__a:");
        cache.delete(CacheRegion.SEARCH, "single");

        DistributedCache restarted = cache(memory(), disk(dir));
        for (DistributedCache c : List.of(cache, restarted)) {
            assertTrue(c.get(CacheRegion.SEARCH, "alice__a:q", TEXT).isEmpty());
            assertTrue(c.get(CacheRegion.SEARCH, "alice__a:r", TEXT).isEmpty());
            assertTrue(c.get(CacheRegion.SEARCH, "single", TEXT).isEmpty());
            assertEquals(Optional.of("3"), c.get(CacheRegion.SEARCH, "alice__ab:q", TEXT));
        }
    }

    @Test
    void anUnwritableDiskIsSkippedCountedAndTheMemoryLevelServes() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("a-file"));
        DistributedCache cache = cache(memory(), disk(notADirectory.resolve("cache")));

        cache.set(CacheRegion.SEARCH, "q", "answer");
        cache.set(CacheRegion.SEARCH, "r", "other");

        assertEquals(Optional.of("answer"), cache.get(CacheRegion.SEARCH, "q", TEXT));
        assertEquals(2, failures("disk"), "each failed write counted");
        assertEquals(Map.of("memory", true, "disk", false), cache.levels());
    }

    @Test
    void withTheDiskAloneEverythingStillWorks() {
        DistributedCache cache = cache(disk(dir));
        cache.set(CacheRegion.SEARCH, "q", "answer");
        assertEquals(Optional.of("answer"), cache.get(CacheRegion.SEARCH, "q", TEXT));
        assertEquals(1, gets("disk", "hit"));
    }

    @Test
    void withEveryLevelOffNothingIsCachedAndNothingFails() {
        DistributedCache cache = cache();
        cache.set(CacheRegion.SEARCH, "q", "answer");
        cache.delete(CacheRegion.SEARCH, "q");
        cache.invalidatePrefix(CacheRegion.SEARCH, "");
        assertTrue(cache.get(CacheRegion.SEARCH, "q", TEXT).isEmpty());
    }

    @Test
    void aLevelThatFailsReadsIsAMissForThatCallAndTheNextLevelAnswers() {
        List<String> calls = new ArrayList<>();
        CacheLevel broken = new CacheLevel() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public Optional<Entry> get(CacheRegion region, String key) {
                calls.add("get");
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void set(CacheRegion region, String key, String json, Duration ttl) {
                calls.add("set");
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void delete(CacheRegion region, String key) {
                throw new IllegalStateException("connection refused");
            }

            @Override
            public void deletePrefix(CacheRegion region, String keyPrefix) {
                throw new IllegalStateException("connection refused");
            }
        };
        DistributedCache cache = cache(broken, disk(dir));
        cache.set(CacheRegion.SEARCH, "q", "answer");
        cache.delete(CacheRegion.SEARCH, "other");
        assertEquals(Optional.of("answer"), cache.get(CacheRegion.SEARCH, "q", TEXT));
        assertEquals(List.of("set", "get", "set"), calls, "the disk hit is offered to the level above it");
        assertEquals(4, failures("redis"));
    }
}
