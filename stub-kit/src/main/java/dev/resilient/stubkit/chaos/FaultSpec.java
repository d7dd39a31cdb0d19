package dev.resilient.stubkit.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A validated fault: what {@code PUT /_chaos} accepts once defaults are applied.
 *
 * @param mode        how to fail
 * @param status      HTTP status for {@code error} and {@code flaky} (400-599)
 * @param latencyMs   delay before acting (the whole point of {@code slow}; optional elsewhere)
 * @param jitterMs    extra random delay, uniform in [0, jitterMs]
 * @param probability share of matching requests that are faulted, 0..1
 * @param path        only requests whose path starts with this prefix are faulted; null = all
 * @param durationS   the fault heals itself after this many seconds; null = until healed
 * @param phase       {@code request} (default): fail before the endpoint runs; {@code response}:
 *                    the endpoint runs (a charge is made, a file written) and then its answer is
 *                    lost, the way a response dies on the network ({@code reset} only)
 * @param times       the fault heals itself after faulting this many requests; null = no limit
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FaultSpec(
        FaultMode mode,
        int status,
        @JsonProperty("latency_ms") long latencyMs,
        @JsonProperty("jitter_ms") long jitterMs,
        double probability,
        String path,
        @JsonProperty("duration_s") Double durationS,
        String phase,
        Integer times) {

    public static final String PHASE_REQUEST = "request";
    public static final String PHASE_RESPONSE = "response";
    public static final FaultSpec HEALTHY = new FaultSpec(FaultMode.OK, 500, 0, 0, 1.0, null, null, PHASE_REQUEST, null);

    /** True when a request to {@code requestPath} is in this fault's scope. */
    public boolean covers(String requestPath) {
        return path == null || requestPath.startsWith(path);
    }
}
