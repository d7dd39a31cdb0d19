package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A downstream's fault-tolerance policy in {@code /v1/api/status/services}: what SmallRye applies.
 * A strategy switched off by configuration, or that the downstream does not have (a rate limit), shows as null.
 * {@code backoff_factor} and {@code jitter} shape the waits after the first ({@code retry_delay_ms});
 * {@code operation_timeouts_ms} are the per-call timeouts of single operations, below {@code timeout_ms}
 * (seed 000's calls: full-text search 5 s, saving the chat history 10 s).
 */
public record PolicyView(
        long attempts,
        @JsonProperty("retry_delay_ms") Long retryDelayMs,
        @JsonProperty("timeout_ms") Long timeoutMs,
        @JsonProperty("breaker_threshold") Long breakerThreshold,
        @JsonProperty("breaker_delay_ms") Long breakerDelayMs,
        @JsonProperty("backoff_factor") double backoffFactor,
        double jitter,
        @JsonProperty("rate_limit") Long rateLimit,
        @JsonProperty("rate_limit_window_ms") Long rateLimitWindowMs,
        @JsonProperty("operation_timeouts_ms") Map<String, Long> operationTimeoutsMs) {
}
