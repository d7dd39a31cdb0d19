package dev.resilient.backend.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.config.ConcurrencyLimitConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitSettingsTest {

    private record Config(boolean enabled, int initialLimit, int minLimit, int maxLimit, Map<String, Integer> maxLimits,
            double backoffRatio, Duration slowCall, Map<String, Duration> slowCalls) implements ConcurrencyLimitConfig {
    }

    private static Config config(int initial, int min, int max, double ratio) {
        return new Config(true, initial, min, max, Map.of("billing", 32), ratio, Duration.ofMillis(500),
                Map.of("llm-primary", Duration.ofSeconds(10)));
    }

    @Test
    void theBulkheadCapsTheMaximumAndTheInitialLimitLiesWithinTheBounds() {
        assertEquals(new LimitSettings(4, 1, 4, 0.9, 500), LimitSettings.of(config(10, 1, 20, 0.9), Downstream.CHROMA, 4));
        assertEquals(new LimitSettings(2, 2, 10, 0.9, 500), LimitSettings.of(config(1, 2, 10, 0.9), Downstream.CHROMA,
                EffectivePolicy.NONE));
    }

    @Test
    void theMaximumCanBeSetPerDownstreamAndTheBulkheadStillCapsIt() {
        assertEquals(32, LimitSettings.of(config(10, 1, 10, 0.9), Downstream.BILLING, 32).maxLimit());
        assertEquals(20, LimitSettings.of(config(10, 1, 10, 0.9), Downstream.BILLING, 20).maxLimit());
        assertEquals(10, LimitSettings.of(config(10, 1, 10, 0.9), Downstream.CHROMA, 32).maxLimit());
    }

    @Test
    void theSlowCallTimeCanBeSetPerDownstream() {
        assertEquals(10_000, LimitSettings.of(config(10, 1, 10, 0.9), Downstream.LLM_PRIMARY, 10).slowCallMs());
        assertEquals(500, LimitSettings.of(config(10, 1, 10, 0.9), Downstream.LLM_SECONDARY, 10).slowCallMs());
    }

    @Test
    void settingsTheAlgorithmCannotUseStopTheStartWithTheirKeyNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LimitSettings.of(config(10, 0, 10, 0.9), Downstream.CHROMA, 10)).getMessage().contains("min-limit"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LimitSettings.of(config(10, 5, 10, 0.9), Downstream.CHROMA, 4)).getMessage().contains("bulkhead 4"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LimitSettings.of(config(10, 1, 10, 1.0), Downstream.CHROMA, 10)).getMessage().contains("backoff-ratio"));
    }
}
