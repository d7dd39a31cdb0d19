package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A downstream's adaptive concurrency limit in {@code /v1/api/status/services} and on the dashboard:
 * the calls allowed in flight now and those in flight, its bounds, the calls refused at it, and the slow
 * answers that did not lower it because the backend itself was past its capacity while they ran.
 */
public record ConcurrencyView(
        boolean enabled,
        String algorithm,
        int limit,
        @JsonProperty("in_flight") int inFlight,
        @JsonProperty("min_limit") int minLimit,
        @JsonProperty("max_limit") int maxLimit,
        @JsonProperty("slow_call_ms") long slowCallMs,
        long rejected,
        @JsonProperty("slow_ignored") long slowIgnored) {
}
