package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The front door's admission in {@code /v1/api/status/services}: the backend's own limit, what is in
 * flight (less those waiting on a downstream, which are counted beside it), from how many requests in flight each criticality is refused, and how many were refused.
 */
public record AdmissionView(
        boolean enabled,
        String algorithm,
        int limit,
        @JsonProperty("in_flight") int inFlight,
        @JsonProperty("waiting_on_downstreams") int waitingOnDownstreams,
        @JsonProperty("refused_from") Map<String, Integer> refusedFrom,
        @JsonProperty("critical_reserve") int criticalReserve,
        Map<String, Long> refused) {
}
