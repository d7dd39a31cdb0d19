package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resilient.backend.resilience.BreakerMonitor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /v1/api/dashboard/state}: breakers, operation mode and the latest breaker
 * transitions (newest first). Public like {@code /q/health/ready}, so it carries nothing else.
 */
public record DashboardState(
        Map<String, BreakerView> services,
        @JsonProperty("operation_mode") String operationMode,
        @JsonProperty("operation_mode_reason") String operationModeReason,
        @JsonProperty("operation_mode_source") String operationModeSource,
        List<BreakerMonitor.Transition> transitions,
        @JsonProperty("chaos_services") List<String> chaosServices,
        Instant timestamp) {
}
