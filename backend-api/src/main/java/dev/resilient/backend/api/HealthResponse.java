package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resilient.backend.mode.DegradationReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /v1/api/health}, seed 004's {@code {status, operation_mode, components}}, plus the
 * evidence behind the status ({@code degradation_reasons}: what the breakers and the checks found,
 * whatever mode an operator set) and the check interval.
 *
 * @param status ok when every component's latest check passed and every breaker is closed; degraded otherwise
 */
public record HealthResponse(
        String status,
        @JsonProperty("operation_mode") String operationMode,
        Map<String, ComponentView> components,
        @JsonProperty("degradation_reasons") List<DegradationReason> degradationReasons,
        @JsonProperty("checked_every") String checkedEvery,
        Instant timestamp) {

    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";
}
