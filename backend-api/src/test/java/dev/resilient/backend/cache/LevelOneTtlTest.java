package dev.resilient.backend.cache;

import dev.resilient.backend.support.FakeClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The memory level: each entry expires after its own TTL, by the clock it is given. */
class LevelOneTtlTest {

    @Test
    void eachEntryExpiresAfterItsOwnTtl() {
        FakeClock clock = new FakeClock();
        LevelOne cache = new LevelOne(1024 * 1024, Duration.ofMinutes(10), clock);
        cache.put("short", "1", Duration.ofSeconds(5));
        cache.put("default", "2");
        clock.advance(Duration.ofSeconds(4));
        assertEquals(Duration.ofSeconds(1), cache.entry("short").orElseThrow().ttlLeft());

        clock.advance(Duration.ofSeconds(2));

        assertNull(cache.get("short"));
        assertEquals("2", cache.get("default"));
        clock.advance(Duration.ofMinutes(10));
        assertNull(cache.get("default"), "the region's TTL applies when none is given");
    }

    @Test
    void readingAnEntryDoesNotExtendIt() {
        FakeClock clock = new FakeClock();
        LevelOne cache = new LevelOne(1024 * 1024, Duration.ofMinutes(10), clock);
        cache.put("k", "1", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(9));
        assertEquals("1", cache.get("k"));
        clock.advance(Duration.ofSeconds(2));
        assertNull(cache.get("k"));
    }
}
