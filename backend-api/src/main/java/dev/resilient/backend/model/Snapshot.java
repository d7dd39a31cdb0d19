package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A git snapshot as the git service records it. */
public record Snapshot(@JsonProperty("snapshot_id") String snapshotId, @JsonProperty("project_id") String projectId,
        String message) {
}
