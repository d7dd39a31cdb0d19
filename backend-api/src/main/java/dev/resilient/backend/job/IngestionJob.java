package dev.resilient.backend.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A durable job of seed 004's persistent request queue (table {@code ingestion_job}, named after its first
 * type): its {@code type} picks the {@link JobHandler}, its {@code queue} the workers, attempts and backoff.
 * Ingestion jobs keep their documents in {@link JobDocument} and their progress in the counts below; other
 * types carry what they need in {@code payload}. {@code leaseUntil} and
 * {@code leasedBy} say which backend process runs it until when; a lease that expires (the
 * process died) makes the job claimable again. {@code version} makes every claim a
 * compare-and-set, so two processes never both win one job.
 */
@Entity
@Table(name = "ingestion_job")
public class IngestionJob extends PanacheEntityBase {

    /** The row's key, always generated: leases, documents and the git snapshot's key name it. */
    @Id
    public String id;
    /** The id its owner knows the job by ({@code job_id}): the caller's own, or {@link #id}; unique per owner. */
    @Column(name = "public_id")
    public String publicId;
    /** The job type, e.g. {@code ingestion}, {@code document-analysis}. */
    @Column(name = "job_type")
    public String type;
    /** The named queue whose workers run it. */
    @Column(name = "queue_name")
    public String queue;
    /** The type's own input (JSON); null for ingestion, whose documents are rows of their own. */
    @JdbcTypeCode(SqlTypes.LONG32VARCHAR)
    public String payload;
    /** What the job is about, for finding the newest job of a kind (an analysis: {@code <doc>@<version>}); may be null. */
    public String subject;
    public String owner;
    public String project;
    @Enumerated(EnumType.STRING)
    public JobState state;
    public int priority;
    public int attempts;
    @Column(name = "max_attempts")
    public int maxAttempts;
    @Column(name = "document_count")
    public int documentCount;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    @Column(name = "leased_by")
    public String leasedBy;
    /** New at every claim: a run's writes name it, so a run whose lease was taken over is refused. */
    @Column(name = "lease_token")
    public String leaseToken;
    /** Ids of this job's documents a newer submission superseded (not written), comma-separated. */
    public String superseded;
    public int saved;
    public int indexed;
    @Column(name = "git_failed")
    public Boolean gitFailed;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The submitter's {@code Idempotency-Key}, unique per owner; null without one, or once its window is over. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** SHA-256 of the submitted request, to tell a repeat from another request under the same key or job id. */
    @Column(name = "request_hash")
    public String requestHash;
    @Version
    public long version;

    /** The ids of this job's documents a newer submission superseded (skipped, not written). */
    public List<String> supersededDocuments() {
        return Superseded.parse(superseded);
    }
}
