package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LogThrottleTest {

    private final AtomicLong nowMs = new AtomicLong(5_000);
    private final LogThrottle throttle = new LogThrottle(10_000, nowMs::get);

    @Test
    void firstOccurrenceIsWrittenAndTheRestOfTheIntervalIsCounted() {
        assertEquals(0, throttle.admit());
        for (int i = 0; i < 1000; i++) {
            nowMs.addAndGet(9);
            assertEquals(LogThrottle.SUPPRESSED, throttle.admit());
        }
    }

    @Test
    void nextLineAfterTheIntervalSaysHowManyWereLeftOut() {
        throttle.admit();
        nowMs.addAndGet(1_000);
        throttle.admit();
        throttle.admit();
        nowMs.addAndGet(9_000);
        assertEquals(2, throttle.admit());
        nowMs.addAndGet(10_000);
        assertEquals(0, throttle.admit());
    }

    @Test
    void resetWritesTheNextOccurrenceAtOnce() {
        throttle.admit();
        throttle.admit();
        throttle.reset();
        assertEquals(0, throttle.admit());
    }
}
