package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.resilient.backend.mode.DegradationReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code /v1/api/status/services} and {@code /admin/service-status}. {@code shared_cache} is the
 * cache's Redis level ({@code disabled} or its breaker's state); {@code cache_levels} the cache's levels in
 * use, in the order a read asks them, each with whether its last call succeeded.
 */
public record StatusResponse(
        Map<String, ServiceStatus> services,
        @JsonProperty("operation_mode") String operationMode,
        @JsonProperty("operation_mode_reason") String operationModeReason,
        @JsonProperty("operation_mode_reasons") List<DegradationReason> operationModeReasons,
        @JsonProperty("operation_mode_source") String operationModeSource,
        @JsonProperty("operation_mode_since") Instant operationModeSince,
        Map<String, FeatureView> features,
        @JsonProperty("shared_cache") String sharedCache,
        @JsonProperty("cache_levels") Map<String, Boolean> cacheLevels,
        AdmissionView admission,
        Instant timestamp) {
}
