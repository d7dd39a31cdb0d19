package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/api/search}. */
public record SearchRequest(
        @NotBlank @Size(max = 2000) String query,
        @JsonProperty("n_results") @Min(1) @Max(50) Integer nResults,
        @JsonProperty("project_id") @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String projectId) {
}
