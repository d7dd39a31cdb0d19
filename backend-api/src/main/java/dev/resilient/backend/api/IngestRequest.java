package dev.resilient.backend.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /v1/api/projects/{id}/documents}; {@code priority} 0..9 (default 5), higher runs first. */
public record IngestRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull DocumentIn> documents,
        @Min(0) @Max(9) Integer priority) {
}
