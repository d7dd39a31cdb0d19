package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RetryBudgetTest {

    private final AtomicLong nowMs = new AtomicLong(1_000_000);

    private RetryBudget budget(double ratio, double floorPerSecond, int windowSeconds) {
        return new RetryBudget(ratio, floorPerSecond, windowSeconds, nowMs::get);
    }

    @Test
    void quietServiceCanStillRetryUpToTheFloor() {
        RetryBudget b = budget(0.1, 1, 10);
        for (int i = 0; i < 10; i++) {
            assertTrue(b.tryRetry(), "retry " + i);
        }
        assertFalse(b.tryRetry());
        assertEquals(1, b.snapshot().denied());
    }

    @Test
    void busyServiceEarnsATenthOfARetryPerCall() {
        RetryBudget b = budget(0.1, 0, 10);
        for (int i = 0; i < 100; i++) {
            b.recordCall();
        }
        int allowed = 0;
        while (b.tryRetry()) {
            allowed++;
        }
        assertEquals(10, allowed);
        assertEquals(new RetryBudgetState(100, 10, 0, 1), b.snapshot());
    }

    @Test
    void callsAndRetriesLeaveTheWindowAfterItsLength() {
        RetryBudget b = budget(0.5, 0, 10);
        for (int i = 0; i < 10; i++) {
            b.recordCall();
        }
        for (int i = 0; i < 5; i++) {
            assertTrue(b.tryRetry());
        }
        assertFalse(b.tryRetry());
        nowMs.addAndGet(10_000);
        assertEquals(0, b.snapshot().calls());
        assertEquals(0, b.snapshot().retries());
        assertFalse(b.tryRetry(), "no calls in the new window, no floor: nothing earned");
        b.recordCall();
        b.recordCall();
        assertTrue(b.tryRetry());
    }

    @Test
    void partOfTheWindowExpiresSecondBySecond() {
        RetryBudget b = budget(1, 0, 3);
        b.recordCall();
        nowMs.addAndGet(1_000);
        b.recordCall();
        nowMs.addAndGet(1_000);
        b.recordCall();
        assertEquals(3, b.snapshot().calls());
        nowMs.addAndGet(1_000);
        assertEquals(2, b.snapshot().calls(), "the oldest second has left the window");
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> budget(-0.1, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> budget(0.1, 1, 0));
    }
}
