package dev.resilient.git.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /snapshot/{project_id}}. */
public record SnapshotRequest(@NotBlank @Size(max = 2000) String message) {
}
