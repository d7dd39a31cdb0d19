package dev.resilient.backend.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /v1/api/projects/{id}/documents}. */
public record IngestRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull DocumentIn> documents) {
}
