package dev.resilient.git.service;

import dev.resilient.git.model.Snapshot;

/**
 * What a snapshot request did: recorded {@code snapshot}, or ({@code replayed}) found it already
 * recorded under the request's {@code Idempotency-Key} and recorded nothing.
 */
public record SnapshotOutcome(Snapshot snapshot, boolean replayed) {
}
