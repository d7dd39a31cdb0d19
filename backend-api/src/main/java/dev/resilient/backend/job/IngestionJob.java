package dev.resilient.backend.job;

import dev.resilient.backend.persistence.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A durable job of seed 004's persistent request queue (table {@code ingestion_job}, named after its first
 * type), as read from its row: its {@code type} picks the {@link JobHandler}, its {@code queue} the workers,
 * attempts and backoff. Ingestion jobs keep their documents in {@link JobDocument} and their progress in the
 * counts below; other types carry what they need in {@code payload}. {@code leaseUntil} and
 * {@code leasedBy} say which backend process runs it until when; a lease that expires (the
 * process died) makes the job claimable again. {@code version} makes every claim a
 * compare-and-set, so two processes never both win one job.
 *
 * <p>A snapshot: changing a field writes nothing, {@link JobStore} alone changes rows. A class with public
 * fields rather than a record because every reader (views, resources, tests) reads it field by field.
 */
public class IngestionJob {

    /** Every column, in the order {@link #read} and {@link #insert} name them. */
    static final String COLUMNS = "id, public_id, job_type, queue_name, payload, subject, owner, project, state, priority, "
            + "attempts, max_attempts, document_count, next_attempt_at, lease_until, leased_by, lease_token, superseded, "
            + "saved, indexed, git_failed, last_error, created_at, updated_at, finished_at, idempotency_key, request_hash, "
            + "version";
    private static final int COLUMN_COUNT = COLUMNS.split(",").length;
    /** The start of a query for whole jobs: add the {@code WHERE}. */
    static final String SELECT = "SELECT " + COLUMNS + " FROM ingestion_job";

    /** The row's key, always generated: leases, documents and the git snapshot's key name it. */
    public String id;
    /** The id its owner knows the job by ({@code job_id}): the caller's own, or {@link #id}; unique per owner. */
    public String publicId;
    /** The job type, e.g. {@code ingestion}, {@code document-analysis}. */
    public String type;
    /** The named queue whose workers run it. */
    public String queue;
    /** The type's own input (JSON); null for ingestion, whose documents are rows of their own. */
    public String payload;
    /** What the job is about, for finding the newest job of a kind (an analysis: {@code <doc>@<version>}); may be null. */
    public String subject;
    public String owner;
    public String project;
    public JobState state;
    public int priority;
    public int attempts;
    public int maxAttempts;
    public int documentCount;
    public Instant nextAttemptAt;
    public Instant leaseUntil;
    public String leasedBy;
    /** New at every claim: a run's writes name it, so a run whose lease was taken over is refused. */
    public String leaseToken;
    /** Ids of this job's documents a newer submission superseded (not written), comma-separated. */
    public String superseded;
    public int saved;
    public int indexed;
    public Boolean gitFailed;
    public String lastError;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant finishedAt;
    /** The submitter's {@code Idempotency-Key}, unique per owner; null without one, or once its window is over. */
    public String idempotencyKey;
    /** SHA-256 of the submitted request, to tell a repeat from another request under the same key or job id. */
    public String requestHash;
    /** Raised by every change of a running job's row: a claim names the version it read (compare-and-set). */
    public long version;

    /** The ids of this job's documents a newer submission superseded (skipped, not written). */
    public List<String> supersededDocuments() {
        return Superseded.parse(superseded);
    }

    /** The job of the current row of a query that selected {@link #COLUMNS}. */
    static IngestionJob read(ResultSet r) throws SQLException {
        IngestionJob j = new IngestionJob();
        j.id = r.getString("id");
        j.publicId = r.getString("public_id");
        j.type = r.getString("job_type");
        j.queue = r.getString("queue_name");
        j.payload = r.getString("payload");
        j.subject = r.getString("subject");
        j.owner = r.getString("owner");
        j.project = r.getString("project");
        j.state = JobState.valueOf(r.getString("state"));
        j.priority = r.getInt("priority");
        j.attempts = r.getInt("attempts");
        j.maxAttempts = r.getInt("max_attempts");
        j.documentCount = r.getInt("document_count");
        j.nextAttemptAt = Sql.instant(r, "next_attempt_at");
        j.leaseUntil = Sql.instant(r, "lease_until");
        j.leasedBy = r.getString("leased_by");
        j.leaseToken = r.getString("lease_token");
        j.superseded = r.getString("superseded");
        j.saved = r.getInt("saved");
        j.indexed = r.getInt("indexed");
        j.gitFailed = r.getObject("git_failed", Boolean.class);
        j.lastError = r.getString("last_error");
        j.createdAt = Sql.instant(r, "created_at");
        j.updatedAt = Sql.instant(r, "updated_at");
        j.finishedAt = Sql.instant(r, "finished_at");
        j.idempotencyKey = r.getString("idempotency_key");
        j.requestHash = r.getString("request_hash");
        j.version = r.getLong("version");
        return j;
    }

    /**
     * Inserts this job as a new row.
     *
     * @throws SQLException when the database refuses it, e.g. its owner's {@code Idempotency-Key} or job id is
     *         taken (unique per owner)
     */
    void insert(Connection c) throws SQLException {
        Sql.update(c, "INSERT INTO ingestion_job (" + COLUMNS + ") VALUES (" + Sql.markers(COLUMN_COUNT) + ")",
                id, publicId, type, queue, payload, subject, owner, project, state, priority,
                attempts, maxAttempts, documentCount, nextAttemptAt, leaseUntil, leasedBy, leaseToken, superseded,
                saved, indexed, gitFailed, lastError, createdAt, updatedAt, finishedAt, idempotencyKey, requestHash,
                version);
    }
}
