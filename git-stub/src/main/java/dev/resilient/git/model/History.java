package dev.resilient.git.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of {@code GET /history/{project_id}}: snapshots newest first. */
public record History(@JsonProperty("project_id") String projectId, List<Snapshot> snapshots) {
}
