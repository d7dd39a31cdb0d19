package dev.resilient.backend.model;

/** Body of git's {@code POST /snapshot/{project_id}}. */
public record SnapshotRequest(String message) {
}
