package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    private static final long MS = 1_000_000;
    private final long start = 7_000 * MS;

    @Test
    void remainingCountsDownAndGoesNegativeOncePassed() {
        Deadline d = Deadline.in(start, 2_000);
        assertEquals(2_000, d.remainingMs(start));
        assertEquals(500, d.remainingMs(start + 1_500 * MS));
        assertEquals(-100, d.remainingMs(start + 2_100 * MS));
    }

    @Test
    void shareKeepsTheRestForTheFallback() {
        Deadline d = Deadline.in(start, 2_000);
        long now = start + 400 * MS; // 1600 ms left
        assertEquals(800, d.share(now, 0.5).remainingMs(now));
        Deadline passed = Deadline.in(start, 100);
        assertSame(passed, passed.share(start + 200 * MS, 0.5), "a passed deadline is not moved");
    }

    @Test
    void atMostNeverExtendsTheDeadline() {
        Deadline d = Deadline.in(start, 2_000);
        assertEquals(500, d.atMost(start, Duration.ofMillis(500)).remainingMs(start));
        assertEquals(2_000, d.atMost(start, Duration.ofSeconds(10)).remainingMs(start));
    }

    @Test
    void aRetryFitsOnlyWithItsWaitAndAMinimalAttempt() {
        Deadline d = Deadline.in(start, 1_000);
        assertTrue(d.fits(start, 800, 100));
        assertTrue(d.fits(start, 900, 100));
        assertFalse(d.fits(start + 1 * MS, 900, 100));
    }

    @Test
    void noDeadlineIsNeverNarrowedAndNeverRunsOut() {
        assertEquals(Deadline.UNLIMITED_MS, Deadline.NONE.remainingMs(start));
        assertSame(Deadline.NONE, Deadline.NONE.share(start, 0.5));
        assertSame(Deadline.NONE, Deadline.NONE.atMost(start, Duration.ofSeconds(2)));
        assertTrue(Deadline.NONE.fits(start, 30_000, 100));
    }
}
