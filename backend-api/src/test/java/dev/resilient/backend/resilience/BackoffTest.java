package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The waits themselves, without SmallRye and without the budget check {@link BudgetedBackoff} adds. */
class BackoffTest {

    private static List<Long> waits(BudgetedBackoff backoff, long initialMs, int n) {
        backoff.init(initialMs);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(backoff.delay(new RuntimeException("failed")));
        }
        return waits;
    }

    @Test
    void doublingFromTheRetryDelayCappedAtThirtySeconds() {
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L), waits(new DoublingBackoff(), 1_000, 7));
    }

    @Test
    void llmBackoffGrowsByOneAndAHalfWithoutJitterAtTheMidpoint() {
        assertEquals(List.of(1_000L, 1_500L, 2_250L, 3_375L), waits(new JitteredBackoff(() -> 0.5, BackoffShape.LLM_DEFAULT), 1_000, 4));
    }

    @Test
    void llmJitterStaysWithinTwentyPercent() {
        assertEquals(List.of(800L, 1_200L), List.of(waits(new JitteredBackoff(() -> 0.0, BackoffShape.LLM_DEFAULT), 1_000, 1).get(0),
                waits(new JitteredBackoff(() -> 1.0, BackoffShape.LLM_DEFAULT), 1_000, 1).get(0)));
    }

    @Test
    void aProvidersOwnFactorAndJitterApply() {
        BackoffShape own = new BackoffShape(3, 0.1);
        assertEquals(List.of(1_000L, 3_000L, 9_000L), waits(new JitteredBackoff(() -> 0.5, own), 1_000, 3));
        assertEquals(900L, waits(new JitteredBackoff(() -> 0.0, own), 1_000, 1).get(0));
    }
}
