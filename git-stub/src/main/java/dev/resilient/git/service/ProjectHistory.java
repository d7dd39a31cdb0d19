package dev.resilient.git.service;

import dev.resilient.git.model.Snapshot;
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

    ProjectHistory(String projectId) {
        this.projectId = projectId;
    }

    /** Re-adds a snapshot read back from disk; they arrive in sequence order. */
    synchronized void restore(Snapshot snapshot) {
        snapshots.add(snapshot);
        byId.put(snapshot.snapshotId(), snapshot);
    }

    /**
     * Records the next snapshot. {@code persist} runs before the snapshot becomes visible and
     * under the lock, so the file order is the sequence order and a failed write leaves no trace.
     */
    synchronized Snapshot append(String message, Instant now, Consumer<Snapshot> persist) {
        Snapshot last = snapshots.isEmpty() ? null : snapshots.get(snapshots.size() - 1);
        String parentId = last == null ? null : last.snapshotId();
        long sequence = last == null ? 1 : last.sequence() + 1;
        Instant createdAt = now.truncatedTo(ChronoUnit.MILLIS);
        String id = SnapshotIds.of(projectId, parentId, message, createdAt, sequence);
        Snapshot snapshot = new Snapshot(id, projectId, message, parentId, sequence, createdAt);
        persist.accept(snapshot);
        snapshots.add(snapshot);
        byId.put(id, snapshot);
        return snapshot;
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
