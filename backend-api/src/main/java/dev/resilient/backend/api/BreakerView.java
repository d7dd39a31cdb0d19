package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One downstream's breaker and concurrency limit on the dashboard: the status endpoint's fields minus the error text. */
public record BreakerView(
        String service,
        String state,
        @JsonProperty("failure_count") int failureCount,
        @JsonProperty("last_failure") Instant lastFailure,
        @JsonProperty("last_state_change") Instant lastStateChange,
        ConcurrencyView concurrency) {
}
