package dev.resilient.filesystem.model;

import dev.resilient.stubkit.model.ProjectIds;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /save_file}. The file path's rules (relative, no escapes) are checked by
 * the service, which owns the folder layout; {@code mode} is {@code append} (default) or
 * {@code overwrite}.
 */
public record SaveFileRequest(
        @JsonProperty("project_id") @NotNull @Pattern(regexp = ProjectIds.PATTERN, message = ProjectIds.MESSAGE) String projectId,
        @JsonProperty("file_path") @NotNull String filePath,
        @NotNull String content,
        @Pattern(regexp = "append|overwrite", message = "must be 'append' or 'overwrite'") String mode) {

    /** {@code mode} as an enum, {@link WriteMode#APPEND} when absent. */
    public WriteMode writeMode() {
        return mode == null ? WriteMode.APPEND : WriteMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    }
}
