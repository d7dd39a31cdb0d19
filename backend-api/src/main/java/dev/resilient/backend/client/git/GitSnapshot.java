package dev.resilient.backend.client.git;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A git snapshot as the git service records it. */
public record GitSnapshot(@JsonProperty("snapshot_id") String snapshotId, @JsonProperty("project_id") String projectId,
        String message) {
}
