package dev.resilient.backend.cache;

import dev.resilient.backend.support.FakeClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk level: files that outlive the process, each entry with its own TTL on the wall clock. */
class DiskLevelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final FakeClock clock = new FakeClock();

    private DiskLevel level() {
        return new DiskLevel(dir, 1024 * 1024, clock, JSON);
    }

    private static Optional<String> value(DiskLevel level, CacheRegion region, String key) {
        return level.get(region, key).map(CacheLevel.Entry::json);
    }

    @Test
    void aNewInstanceOnTheSameDirectoryReadsWhatTheLastOneWrote() {
        level().set(CacheRegion.SEARCH, "alice__demo:kiwi", "[{\"id\":\"kiwi\"}]", Duration.ofMinutes(10));

        DiskLevel afterRestart = level();

        assertEquals(Optional.of("[{\"id\":\"kiwi\"}]"), value(afterRestart, CacheRegion.SEARCH, "alice__demo:kiwi"));
        assertTrue(value(afterRestart, CacheRegion.LLM, "alice__demo:kiwi").isEmpty(), "regions are apart");
    }

    @Test
    void anEntryExpiresAfterItsOwnTtlAlsoAcrossARestart() {
        DiskLevel level = level();
        level.set(CacheRegion.LLM, "short", "\"a\"", Duration.ofSeconds(30));
        level.set(CacheRegion.LLM, "long", "\"b\"", Duration.ofHours(1));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(Duration.ofSeconds(10), level.get(CacheRegion.LLM, "short").orElseThrow().ttlLeft());

        clock.advance(Duration.ofSeconds(11));

        assertTrue(value(level, CacheRegion.LLM, "short").isEmpty());
        assertTrue(value(level(), CacheRegion.LLM, "short").isEmpty(), "a restart does not bring it back");
        assertEquals(Optional.of("\"b\""), value(level(), CacheRegion.LLM, "long"));
    }

    @Test
    void expiredFilesAreDeletedWhenTheLevelStarts() throws IOException {
        level().set(CacheRegion.SEARCH, "k", "1", Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));
        level();
        try (var files = Files.list(dir.resolve("search"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void deletePrefixDropsOnlyThatPrefixInThatRegionAlsoAfterARestart() {
        DiskLevel level = level();
        level.set(CacheRegion.SEARCH, "alice__a:q", "1", Duration.ofMinutes(1));
        level.set(CacheRegion.SEARCH, "alice__a:r", "2", Duration.ofMinutes(1));
        level.set(CacheRegion.SEARCH, "alice__ab:q", "3", Duration.ofMinutes(1));
        level.set(CacheRegion.LLM, "alice__a:q", "4", Duration.ofMinutes(1));

        level.deletePrefix(CacheRegion.SEARCH, "alice__a:");

        DiskLevel afterRestart = level();
        for (DiskLevel l : new DiskLevel[] {level, afterRestart}) {
            assertTrue(value(l, CacheRegion.SEARCH, "alice__a:q").isEmpty());
            assertTrue(value(l, CacheRegion.SEARCH, "alice__a:r").isEmpty());
            assertEquals(Optional.of("3"), value(l, CacheRegion.SEARCH, "alice__ab:q"));
            assertEquals(Optional.of("4"), value(l, CacheRegion.LLM, "alice__a:q"));
        }
    }

    @Test
    void deleteDropsTheEntryForGood() {
        DiskLevel level = level();
        level.set(CacheRegion.SEARCH, "k", "1", Duration.ofMinutes(1));
        level.delete(CacheRegion.SEARCH, "k");
        assertTrue(value(level, CacheRegion.SEARCH, "k").isEmpty());
        assertTrue(value(level(), CacheRegion.SEARCH, "k").isEmpty());
    }

    @Test
    void filesTakeNoMoreThanTheirBytesTheEntriesClosestToExpiryGoingFirst() {
        DiskLevel level = new DiskLevel(dir, 10_000, clock, JSON);
        String kilobyte = "\"" + "x".repeat(1_000) + "\"";
        level.set(CacheRegion.SEARCH, "soonest", kilobyte, Duration.ofSeconds(1));
        for (int i = 0; i < 20; i++) {
            level.set(CacheRegion.SEARCH, "k" + i, kilobyte, Duration.ofMinutes(10 + i));
        }
        assertTrue(level.bytes() <= 10_000, "took " + level.bytes() + " bytes");
        assertTrue(value(level, CacheRegion.SEARCH, "soonest").isEmpty());
        assertTrue(value(level, CacheRegion.SEARCH, "k19").isPresent(), "the latest, longest-lived entry is kept");
    }

    @Test
    void anUnwritableDirectoryFailsTheCallAndTheNextLevelStartsEmpty() throws IOException {
        Path notADirectory = Files.createFile(dir.resolve("a-file"));
        DiskLevel level = new DiskLevel(notADirectory.resolve("cache"), 1024, clock, JSON);
        assertThrows(RuntimeException.class, () -> level.set(CacheRegion.SEARCH, "k", "1", Duration.ofMinutes(1)));
        assertTrue(level.get(CacheRegion.SEARCH, "k").isEmpty());
    }
}
