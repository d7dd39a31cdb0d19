package dev.resilient.backend.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Level one holds what fits in its bytes, however many or few entries that is. */
class LevelOneTest {

    @Test
    void largeValuesAreBoundedByTheirBytesNotTheirNumber() {
        LevelOne cache = new LevelOne(64 * 1024, Duration.ofMinutes(10));
        String tenKilobytes = "x".repeat(5_000); // 10 KB as UTF-16
        for (int i = 0; i < 100; i++) {
            cache.put("k" + i, tenKilobytes);
        }
        assertTrue(cache.weightedSize() <= 64 * 1024, "held " + cache.weightedSize() + " bytes");
        assertEquals(tenKilobytes, cache.get("k99"), "the latest entry is kept");
    }

    @Test
    void smallValuesStillFitByTheThousand() {
        LevelOne cache = new LevelOne(1024 * 1024, Duration.ofMinutes(10));
        for (int i = 0; i < 2_000; i++) {
            cache.put("k" + i, "[]");
        }
        assertEquals("[]", cache.get("k0"));
    }

    @Test
    void invalidatingAPrefixDropsOnlyItsKeys() {
        LevelOne cache = new LevelOne(1024 * 1024, Duration.ofMinutes(10));
        cache.put("alice__a:q", "1");
        cache.put("alice__ab:q", "2");
        cache.invalidateIf(k -> k.startsWith("alice__a:"));
        assertNull(cache.get("alice__a:q"));
        assertEquals("2", cache.get("alice__ab:q"));
    }
}
