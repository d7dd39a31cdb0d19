package dev.resilient.git.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One recorded snapshot, as answered and as stored (one JSON line each): {@code parent_id} is
 * the previous snapshot of the project, null for the first; {@code sequence} counts from 1.
 */
public record Snapshot(
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("project_id") String projectId,
        String message,
        @JsonProperty("parent_id") String parentId,
        long sequence,
        @JsonProperty("created_at") Instant createdAt) {
}
