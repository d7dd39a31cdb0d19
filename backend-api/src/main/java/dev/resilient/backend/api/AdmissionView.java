package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The front door's admission in {@code /v1/api/status/services}: the backend's own limit, what is in
 * flight, from how many requests in flight each criticality is refused, and how many were refused.
 */
public record AdmissionView(
        boolean enabled,
        String algorithm,
        int limit,
        @JsonProperty("in_flight") int inFlight,
        @JsonProperty("refused_from") Map<String, Integer> refusedFrom,
        Map<String, Long> refused) {
}
