package dev.resilient.backend.client.git;

/** Body of git's {@code POST /snapshot/{project_id}}. */
public record SnapshotRequest(String message) {
}
