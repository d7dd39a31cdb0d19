package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/api/chat}. */
public record ChatRequest(
        @NotBlank @Size(max = 10_000) String message,
        @JsonProperty("project_id") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String projectId) {
}
