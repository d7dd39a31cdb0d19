package dev.resilient.filesystem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /projects/{id}/files/{path}}. */
public record FileContent(@JsonProperty("project_id") String projectId, String path, String content) {
}
