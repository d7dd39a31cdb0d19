package dev.resilient.stubkit.chaos;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/**
 * Body of {@code GET /_chaos}: the fault in force and the request counters. The deadline counters
 * cover requests that carried the caller's remaining budget ({@code X-Request-Timeout-Ms}): how many,
 * the largest budget announced, and how many the stub gave up because that budget ran out.
 */
public record ChaosStatus(
        FaultSpec fault,
        Instant since,
        Instant until,
        @JsonProperty("requests_total") long requestsTotal,
        @JsonProperty("faulted_total") long faultedTotal,
        @JsonProperty("deadline_requests_total") long deadlineRequestsTotal,
        @JsonProperty("deadline_max_ms") long deadlineMaxMs,
        @JsonProperty("deadline_exceeded_total") long deadlineExceededTotal,
        @JsonProperty("by_path") Map<String, Long> byPath) {

    static ChaosStatus of(ChaosState.Active active, ChaosState.Counters counters) {
        return new ChaosStatus(active.spec(), active.since(), active.until(), counters.requestsTotal(),
                counters.faultedTotal(), counters.deadlineRequestsTotal(), counters.deadlineMaxMs(),
                counters.deadlineExceededTotal(), counters.byPath());
    }
}
