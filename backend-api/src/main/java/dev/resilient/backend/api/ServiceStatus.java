package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** One downstream in {@code /v1/api/status/services} (seed 000 Example 3). */
public record ServiceStatus(
        String service,
        String state,
        @JsonProperty("failure_count") int failureCount,
        @JsonProperty("last_failure") Instant lastFailure,
        @JsonProperty("last_error") String lastError,
        @JsonProperty("last_state_change") Instant lastStateChange,
        @JsonProperty("retry_budget") RetryBudgetView retryBudget,
        PolicyView policy,
        ConcurrencyView concurrency) {
}
