package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A downstream's fault-tolerance policy in {@code /v1/api/status/services}: what SmallRye applies. */
public record PolicyView(
        long attempts,
        @JsonProperty("retry_delay_ms") long retryDelayMs,
        @JsonProperty("timeout_ms") long timeoutMs,
        @JsonProperty("breaker_threshold") long breakerThreshold,
        @JsonProperty("breaker_delay_ms") long breakerDelayMs) {
}
