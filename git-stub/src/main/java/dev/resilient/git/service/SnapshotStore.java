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
                bytesPerTenant.add(Tenants.of(projectId), weight(projectId, s.message(), s.idempotencyKey()));
            }
            histories.put(projectId, history);
        });
        if (journal.persistent()) {
            LOG.infof("Loaded snapshot history of %d projects", histories.size());
        }
    }

    /**
     * Records a snapshot whose parent is the project's latest one, once per {@code idempotencyKey}:
     * a request repeated with the key of a recorded snapshot (its answer was lost, say) gets that
     * snapshot again and records nothing, whatever happened in between (a restart included, when
     * the history is persisted). Without a key every request records a snapshot.
     *
     * @param idempotencyKey the request's {@code Idempotency-Key}, or null
     * @throws WebApplicationException 422 when {@code idempotencyKey} was first used for a snapshot with another
     *                                 message; 507 with {@code {"error"}} naming {@code git.max-bytes-per-tenant} when the
     *                                 snapshot would take the project's tenant past it; nothing is recorded then
     * @throws UncheckedIOException    when the journal cannot be written; nothing is recorded then either
     */
    public SnapshotOutcome create(String projectId, String message, String idempotencyKey) {
        ProjectHistory history = histories.computeIfAbsent(projectId, ProjectHistory::new);
        // A repeat is answered before the quota is asked: it adds nothing, so a tenant at its bound still gets it.
        var earlier = history.recordedUnder(idempotencyKey, message);
        if (earlier.isPresent()) {
            return new SnapshotOutcome(earlier.get(), true);
        }
        String tenant = Tenants.of(projectId);
        long weight = weight(projectId, message, idempotencyKey);
        bytesPerTenant.adjust(tenant, weight);
        try {
            SnapshotOutcome outcome = history.append(message, idempotencyKey, Instant.now(), journal::append);
            if (outcome.replayed()) { // a concurrent repeat recorded it first
                bytesPerTenant.add(tenant, -weight);
            }
            return outcome;
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
    static long weight(String projectId, String message, String idempotencyKey) {
        return SNAPSHOT_OVERHEAD_BYTES + projectId.getBytes(StandardCharsets.UTF_8).length
                + (message == null ? 0 : message.getBytes(StandardCharsets.UTF_8).length)
                + (idempotencyKey == null ? 0 : idempotencyKey.length());
    }

    private ProjectHistory existing(String projectId) {
        ProjectHistory history = histories.get(projectId);
        if (history == null || history.isEmpty()) {
            throw new NotFoundException("project '" + projectId + "' has no history");
        }
        return history;
    }
}
