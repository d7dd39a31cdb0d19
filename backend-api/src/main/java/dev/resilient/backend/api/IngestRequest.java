package dev.resilient.backend.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /v1/api/projects/{id}/documents}; {@code priority} -10..10 (default 0), higher runs first
 * ({@link dev.resilient.backend.job.JobQueue}).
 */
public record IngestRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull DocumentIn> documents,
        @Min(-10) @Max(10) Integer priority) {
}
