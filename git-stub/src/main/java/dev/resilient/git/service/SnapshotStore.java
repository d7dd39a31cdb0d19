package dev.resilient.git.service;

import dev.resilient.git.model.History;
import dev.resilient.git.model.Snapshot;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Snapshot histories of all projects, in memory and, when configured, in the journal. Created at
 * start-up so persisted histories are loaded before the first request.
 */
@Startup
@ApplicationScoped
public class SnapshotStore {

    private static final Logger LOG = Logger.getLogger(SnapshotStore.class);

    private final Map<String, ProjectHistory> histories = new ConcurrentHashMap<>();
    private final SnapshotJournal journal;

    SnapshotStore(SnapshotJournal journal) {
        this.journal = journal;
        journal.load().forEach((projectId, snapshots) -> {
            ProjectHistory history = new ProjectHistory(projectId);
            snapshots.forEach(history::restore);
            histories.put(projectId, history);
        });
        if (journal.persistent()) {
            LOG.infof("Loaded snapshot history of %d projects", histories.size());
        }
    }

    /** Records a snapshot whose parent is the project's latest one. */
    public Snapshot create(String projectId, String message) {
        return histories.computeIfAbsent(projectId, ProjectHistory::new)
                .append(message, Instant.now(), journal::append);
    }

    /** The newest {@code limit} snapshots, newest first; 404 when the project has none. */
    public History history(String projectId, int limit) {
        return new History(projectId, existing(projectId).newestFirst(limit));
    }

    /** One snapshot of the project; 404 when either is unknown. */
    public Snapshot find(String projectId, String snapshotId) {
        return existing(projectId).find(snapshotId).orElseThrow(() -> new NotFoundException(
                "snapshot '" + snapshotId + "' not found in project '" + projectId + "'"));
    }

    private ProjectHistory existing(String projectId) {
        ProjectHistory history = histories.get(projectId);
        if (history == null || history.isEmpty()) {
            throw new NotFoundException("project '" + projectId + "' has no history");
        }
        return history;
    }
}
