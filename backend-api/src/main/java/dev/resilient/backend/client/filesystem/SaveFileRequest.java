package dev.resilient.backend.client.filesystem;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of the filesystem's {@code POST /save_file}; {@code mode} is {@code append} or {@code overwrite}. */
public record SaveFileRequest(
        @JsonProperty("project_id") String projectId,
        @JsonProperty("file_path") String filePath,
        String content,
        String mode) {
}
