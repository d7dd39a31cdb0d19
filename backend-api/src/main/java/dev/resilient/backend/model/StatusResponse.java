package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;

/** Body of {@code /v1/api/status/services} and {@code /admin/service-status}. */
public record StatusResponse(
        Map<String, ServiceStatus> services,
        @JsonProperty("operation_mode") String operationMode,
        Instant timestamp) {
}
