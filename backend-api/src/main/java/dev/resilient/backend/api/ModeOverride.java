package dev.resilient.backend.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /v1/api/admin/operation-mode}. The reason is kept in the job database: no NUL, which PostgreSQL cannot store. */
public record ModeOverride(
        @NotNull @Pattern(regexp = "NORMAL|DEGRADED|EMERGENCY|MAINTENANCE", message = "must be NORMAL, DEGRADED, EMERGENCY or MAINTENANCE") String mode,
        @NotBlank @Size(max = 500) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String reason) {
}
