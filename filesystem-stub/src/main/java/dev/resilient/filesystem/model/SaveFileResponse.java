package dev.resilient.filesystem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code POST /save_file}: the file's size in bytes after the write, and whether it is new. */
public record SaveFileResponse(
        @JsonProperty("project_id") String projectId,
        @JsonProperty("file_path") String filePath,
        long size,
        boolean created) {
}
