package dev.resilient.filesystem.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of {@code GET /projects/{id}/files}, files sorted by path. */
public record FileListing(@JsonProperty("project_id") String projectId, List<FileEntry> files) {
}
