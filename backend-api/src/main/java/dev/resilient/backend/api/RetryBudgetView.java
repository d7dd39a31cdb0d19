package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A downstream's retry budget in {@code /v1/api/status/services}: calls and retries in the window,
 * the retries it allows now, and how many it has refused.
 */
public record RetryBudgetView(
        boolean enabled,
        double ratio,
        @JsonProperty("min_per_second") double minPerSecond,
        @JsonProperty("window_seconds") long windowSeconds,
        long calls,
        long retries,
        long available,
        long denied) {
}
