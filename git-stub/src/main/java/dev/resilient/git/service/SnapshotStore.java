package dev.resilient.git.service;

import dev.resilient.git.config.GitConfig;
import dev.resilient.git.model.History;
import dev.resilient.git.model.Snapshot;
import dev.resilient.stubkit.quota.TenantQuota;
import dev.resilient.stubkit.quota.Tenants;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    /** What a snapshot holds besides its message and project id: two ids, a time, a sequence, object headers. */
    static final int SNAPSHOT_OVERHEAD_BYTES = 256;

    private final Map<String, ProjectHistory> histories = new ConcurrentHashMap<>();
    private final SnapshotJournal journal;
    private final TenantQuota bytesPerTenant;

    SnapshotStore(SnapshotJournal journal, GitConfig config) {
        this.journal = journal;
        this.bytesPerTenant = new TenantQuota("git.max-bytes-per-tenant", config.maxBytesPerTenant(), "bytes of history");
        journal.load().forEach((projectId, snapshots) -> {
            ProjectHistory history = new ProjectHistory(projectId);
            for (Snapshot s : snapshots) {
                history.restore(s);
                bytesPerTenant.add(Tenants.of(projectId), weight(projectId, s.message()));
            }
            histories.put(projectId, history);
        });
        if (journal.persistent()) {
            LOG.infof("Loaded snapshot history of %d projects", histories.size());
        }
    }

    /**
     * Records a snapshot whose parent is the project's latest one.
     *
     * @throws WebApplicationException 507 with {@code {"error"}} naming {@code git.max-bytes-per-tenant} when the
     *                                 snapshot would take the project's tenant past it; nothing is recorded then
     * @throws UncheckedIOException    when the journal cannot be written; nothing is recorded then either
     */
    public Snapshot create(String projectId, String message) {
        String tenant = Tenants.of(projectId);
        long weight = weight(projectId, message);
        bytesPerTenant.adjust(tenant, weight);
        try {
            return histories.computeIfAbsent(projectId, ProjectHistory::new)
                    .append(message, Instant.now(), journal::append);
        } catch (RuntimeException e) {
            bytesPerTenant.add(tenant, -weight);
            throw e;
        }
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

    /** A snapshot's weight against {@code git.max-bytes-per-tenant}. */
    static long weight(String projectId, String message) {
        return SNAPSHOT_OVERHEAD_BYTES + projectId.getBytes(StandardCharsets.UTF_8).length
                + (message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length);
    }

    private ProjectHistory existing(String projectId) {
        ProjectHistory history = histories.get(projectId);
        if (history == null || history.isEmpty()) {
            throw new NotFoundException("project '" + projectId + "' has no history");
        }
        return history;
    }
}
