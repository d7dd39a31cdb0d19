package dev.resilient.git.service;

import dev.resilient.git.model.Snapshot;
import dev.resilient.kit.errors.ApiError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The snapshots of one project, oldest first. Every method holds the project's lock, so
 * concurrent snapshots get consecutive sequences and each one's parent is the one before it.
 */
final class ProjectHistory {

    private final String projectId;
    private final List<Snapshot> snapshots = new ArrayList<>();
    private final Map<String, Snapshot> byId = new HashMap<>();
    private final Map<String, Snapshot> byIdempotencyKey = new HashMap<>();

    ProjectHistory(String projectId) {
        this.projectId = projectId;
    }

    /** Re-adds a snapshot read back from disk; they arrive in sequence order. */
    synchronized void restore(Snapshot snapshot) {
        add(snapshot);
    }

    /**
     * The snapshot recorded earlier under {@code idempotencyKey}, if any.
     *
     * @throws jakarta.ws.rs.WebApplicationException 422 when that snapshot has another message: the key
     *                                               names another request
     */
    synchronized Optional<Snapshot> recordedUnder(String idempotencyKey, String message) {
        Snapshot earlier = idempotencyKey == null ? null : byIdempotencyKey.get(idempotencyKey);
        if (earlier != null && !earlier.message().equals(message)) {
            throw ApiError.of(422, "Idempotency-Key '" + idempotencyKey + "' was first used for another snapshot of project '"
                    + projectId + "' (message '" + abbreviated(earlier.message()) + "')");
        }
        return Optional.ofNullable(earlier);
    }

    /**
     * Records the next snapshot, unless one was already recorded under {@code idempotencyKey} (then it
     * is answered again and nothing is recorded). {@code persist} runs before the snapshot becomes
     * visible and under the lock, so the file order is the sequence order and a failed write leaves
     * no trace.
     */
    synchronized SnapshotOutcome append(String message, String idempotencyKey, Instant now, Consumer<Snapshot> persist) {
        Optional<Snapshot> earlier = recordedUnder(idempotencyKey, message);
        if (earlier.isPresent()) {
            return new SnapshotOutcome(earlier.get(), true);
        }
        Snapshot last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        String parentId = last == null ? null : last.snapshotId();
        long sequence = last == null ? 1 : last.sequence() + 1;
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        String id = SnapshotIds.of(projectId, parentId, message, createdAt, sequence);
        Snapshot snapshot = new Snapshot(id, projectId, message, parentId, sequence, createdAt, idempotencyKey);
        persist.accept(snapshot);
        add(snapshot);
        return new SnapshotOutcome(snapshot, false);
    }

    private void add(Snapshot snapshot) {
        snapshots.add(snapshot);
        byId.put(snapshot.snapshotId(), snapshot);
        if (snapshot.idempotencyKey() != null) {
            byIdempotencyKey.put(snapshot.idempotencyKey(), snapshot);
        }
    }

    private static String abbreviated(String message) {
        return message.length() > 80 ? message.substring(0, 80) + "..." : message;
    }

    synchronized boolean isEmpty() {
        return snapshots.isEmpty();
    }

    synchronized List<Snapshot> newestFirst(int limit) {
        List<Snapshot> result = new ArrayList<>(Math.min(limit, snapshots.size()));
        for (int i = snapshots.size() - 1; i >= 0 && result.size() < limit; i--) {
            result.add(snapshots.get(i));
        }
        return result;
    }

    synchronized Optional<Snapshot> find(String snapshotId) {
        return Optional.ofNullable(byId.get(snapshotId));
    }
}
