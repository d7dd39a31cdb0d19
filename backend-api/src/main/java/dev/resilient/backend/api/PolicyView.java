package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A downstream's fault-tolerance policy in {@code /v1/api/status/services}: what SmallRye applies.
 * A strategy switched off by configuration shows as null.
 */
public record PolicyView(
        long attempts,
        @JsonProperty("retry_delay_ms") Long retryDelayMs,
        @JsonProperty("timeout_ms") Long timeoutMs,
        @JsonProperty("breaker_threshold") Long breakerThreshold,
        @JsonProperty("breaker_delay_ms") Long breakerDelayMs) {
}
