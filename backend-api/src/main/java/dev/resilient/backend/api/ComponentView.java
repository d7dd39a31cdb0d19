package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One dependency in {@code GET /v1/api/health}: its latest active check ({@code up}, {@code down} or
 * {@code unknown}, how it answered, how long it took, when) and, for a downstream the backend calls
 * through a breaker, that breaker's state.
 */
public record ComponentView(
        String status,
        String detail,
        @JsonProperty("latency_ms") Long latencyMs,
        @JsonProperty("checked_at") Instant checkedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String breaker) {
}
