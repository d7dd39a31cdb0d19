package dev.resilient.git.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/**
 * One recorded snapshot, as answered and as stored (one JSON line each): {@code parent_id} is
 * the previous snapshot of the project, null for the first; {@code sequence} counts from 1;
 * {@code idempotency_key} is the {@code Idempotency-Key} it was created with (absent when none),
 * kept with the history so that a request repeated after a restart is still recognised.
 * Registered for reflection because {@code SnapshotJournal} reads it back with the
 * {@code ObjectMapper} directly, outside any REST endpoint, so no REST build step registers its
 * constructor for a native image.
 */
@RegisterForReflection
public record Snapshot(
        @JsonProperty("snapshot_id") String snapshotId,
        @JsonProperty("project_id") String projectId,
        String message,
        @JsonProperty("parent_id") String parentId,
        long sequence,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("idempotency_key") @JsonInclude(JsonInclude.Include.NON_NULL) String idempotencyKey) {
}
