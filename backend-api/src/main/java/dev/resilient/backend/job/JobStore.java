package dev.resilient.backend.job;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.config.JobsConfig;
import dev.resilient.backend.persistence.Sql;
import dev.resilient.backend.service.Namespace;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The job table and its state changes, each in its own transaction ({@link JobDatabase}): the persistent request
 * queue of seed 004, every job type and named queue in one table (claims look at one queue at a time). Every claim
 * writes a new lease token, and every change made on behalf of a running job names it: a run that lost its lease (it
 * was presumed dead, and the job was claimed again, even by the same process) cannot overwrite the
 * new run's work. Every method throws {@link JobStoreException} when the database fails: nothing of that call was
 * written, and the REST layer answers 503 ({@code rest/JobStoreErrorMapper}).
 */
@ApplicationScoped
public class JobStore {

    private static final Logger LOG = Logger.getLogger(JobStore.class);

    /** One claim of a job: its id and the token its run's writes name. */
    public record Lease(String jobId, String token) {
    }

    /** One document of a claimed job with its version ({@link DocumentVersions}). */
    public record Versioned(DocumentIn document, long version) {
    }

    /**
     * A claimed job as every handler sees it.
     *
     * @param attempts    runs so far, this one included
     * @param maxAttempts runs it gets in all
     * @param payload     the type's input (JSON), null for ingestion
     */
    public record ClaimedJob(Lease lease, String publicId, Namespace namespace, String type, String queue, int attempts,
            int maxAttempts, String payload) {
    }

    /**
     * A new job of any type but ingestion (which has {@link #submit}).
     *
     * @param publicId    the caller's job id, or null for a generated one
     * @param subject     what the job is about, for {@link #newest}; may be null
     * @param requestHash the hash of the request, telling a repeat of a caller's job id from another request
     */
    public record NewJob(String type, String queue, String publicId, String subject, String payload, int priority,
            String requestHash) {
    }

    /**
     * A job an {@link #enqueue} stored or found.
     *
     * @param created false when the caller's job id already named this job, for the same request
     */
    public record Enqueued(IngestionJob job, boolean created) {
    }

    /** Thrown when a caller's job id already names one of the caller's jobs, for another request. */
    public static class JobIdTakenException extends RuntimeException {
        public JobIdTakenException(String publicId) {
            super("job_id '" + publicId + "' is already used by another of your jobs, for a different request");
        }
    }

    /**
     * A job this run holds, with the progress of its earlier attempts: {@code indexed} is the number of
     * leading documents already handled (written, or skipped as superseded), {@code saved} how many of
     * them were saved, {@code superseded} the ids skipped.
     */
    public record Claimed(Lease lease, Namespace namespace, int attempts, List<Versioned> documents, int saved,
            int indexed, List<String> superseded) {
    }

    /** The type of the jobs {@link #submit} stores. */
    public static final String INGESTION = "ingestion";

    /**
     * Due: queued, or retrying and past its wait, or running with an expired lease. Its values come first
     * ({@link #due}).
     */
    private static final String DUE = "((state IN (?, ?) AND next_attempt_at <= ?) OR (state = ? AND lease_until < ?))";
    /** Every change a run makes to its job names its lease: the job is still running under that token. */
    private static final String HELD = " WHERE id = ? AND lease_token = ? AND state = ?";

    private final JobsConfig config;
    private final JobQueues queues;
    private final DocumentVersions versions;
    private final SubmissionQuotas quotas;
    private final JobDatabase db;

    JobStore(JobsConfig config, JobQueues queues, DocumentVersions versions, SubmissionQuotas quotas, JobDatabase db) {
        this.config = config;
        this.queues = queues;
        this.versions = versions;
        this.quotas = quotas;
        this.db = db;
    }

    /**
     * Stores a job with its documents, each with its next version, in one transaction. The caller asks
     * {@link #replayOf} first when it has a key.
     *
     * @param idempotent the submitter's key and request hash, or null
     * @throws JobStoreException when a concurrent submission with the same key was stored first (unique per
     *         owner): {@link #replayOf} then answers with that one; or when a concurrent submission added the same
     *         new document id first (submitting again succeeds); or when the database fails. Nothing is stored.
     * @throws jakarta.ws.rs.WebApplicationException 403 or 413 past a storage quota: nothing is stored
     */
    public IngestionJob submit(Namespace ns, List<DocumentIn> documents, int priority, IdempotentSubmission idempotent) {
        IngestionJob job = queued(ns, INGESTION, JobQueues.DEFAULT, priority);
        job.documentCount = documents.size();
        if (idempotent != null) {
            job.idempotencyKey = idempotent.key();
            job.requestHash = idempotent.requestHash();
        }
        return db.inTransaction(c -> {
            job.insert(c); // a concurrent submission with the same key fails here, before the documents
            DocumentVersions.Registered registered = versions.register(c, ns, documents);
            quotas.checkStorage(c, ns, registered.growth());
            for (int i = 0; i < documents.size(); i++) {
                DocumentIn d = documents.get(i);
                new JobDocument(job.id + ":" + i, job.id, i, d.id(), d.filename(), d.content(),
                        registered.versions().get(i)).insert(c);
            }
            return job;
        });
    }

    /**
     * Stores a new job of {@code ns}'s owner (seed 004's {@code enqueue}), due at once. The caller asks
     * {@link #existing} first when it has a job id.
     *
     * @throws JobStoreException when a concurrent enqueue with the same job id was stored first ({@link #existing}
     *         then answers with that one), or when the database fails; nothing is stored
     */
    public IngestionJob enqueue(Namespace ns, NewJob n) {
        IngestionJob job = queued(ns, n.type(), n.queue(), n.priority());
        if (n.publicId() != null) {
            job.publicId = n.publicId();
        }
        job.payload = n.payload();
        job.subject = n.subject();
        job.requestHash = n.requestHash();
        return db.inTransaction(c -> {
            job.insert(c);
            return job;
        });
    }

    /** A new job of {@code ns}'s owner, queued and due now, its public id its generated id; not stored yet. */
    private IngestionJob queued(Namespace ns, String type, String queue, int priority) {
        Instant now = Instant.now();
        IngestionJob job = new IngestionJob();
        job.id = UUID.randomUUID().toString();
        job.publicId = job.id;
        job.type = type;
        job.queue = queue;
        job.owner = ns.user();
        job.project = ns.project();
        job.state = JobState.QUEUED;
        job.priority = priority;
        job.maxAttempts = queues.settings(queue).maxAttempts();
        job.nextAttemptAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        return job;
    }

    /**
     * The job of {@code owner} that a caller's job id already names, if any.
     *
     * @throws JobIdTakenException when it was stored for another request (another type, project, payload or priority)
     * @throws JobStoreException   when the database fails
     */
    public Optional<IngestionJob> existing(String owner, String publicId, String requestHash) {
        Optional<IngestionJob> found = findOwned(owner, publicId);
        if (found.isPresent() && !requestHash.equals(found.get().requestHash)) {
            throw new JobIdTakenException(publicId);
        }
        return found;
    }

    /**
     * The newest job of {@code type} about {@code subject} in {@code ns}'s project, if any.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<IngestionJob> newest(Namespace ns, String type, String subject) {
        return db.inTransaction(c -> Sql.first(c, IngestionJob.SELECT + " WHERE owner = ? AND project = ? AND job_type = ? "
                + "AND subject = ? ORDER BY created_at DESC", IngestionJob::read, ns.user(), ns.project(), type, subject));
    }

    /**
     * The job an earlier submission with the same owner and key stored within the window, if any.
     *
     * @throws IdempotentSubmission.KeyReusedException when it was for another request
     * @throws JobStoreException                       when the database fails
     */
    public Optional<IngestionJob> replayOf(Namespace ns, IdempotentSubmission idempotent) {
        Instant now = Instant.now();
        return db.inTransaction(c -> {
            Optional<IngestionJob> first = Sql.first(c, IngestionJob.SELECT + " WHERE owner = ? AND idempotency_key = ?",
                    IngestionJob::read, ns.user(), idempotent.key());
            if (first.isEmpty()) {
                return first;
            }
            IngestionJob f = first.get();
            if (f.createdAt.isAfter(now.minus(config.idempotencyWindow()))) {
                if (!f.requestHash.equals(idempotent.requestHash())) {
                    throw new IdempotentSubmission.KeyReusedException();
                }
                return first;
            }
            // the window is over: the key may name a new request (no version bump: no run's claim is concerned)
            Sql.update(c, "UPDATE ingestion_job SET idempotency_key = NULL WHERE id = ?", f.id);
            return Optional.empty();
        });
    }

    /**
     * The job {@code owner} knows by {@code publicId}; anyone else gets nothing, not even its existence.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<IngestionJob> findOwned(String owner, String publicId) {
        return db.inTransaction(c -> Sql.first(c, IngestionJob.SELECT + " WHERE owner = ? AND public_id = ?",
                IngestionJob::read, owner, publicId));
    }

    /**
     * Claims up to {@code max} due jobs of {@code queue} (queued, or retrying and past their wait, or whose lease
     * expired), each with a new lease token and one more attempt counted, fairly across users: users with the fewest
     * jobs of the queue running go first, then the user
     * whose oldest due job is oldest, one job per user per round; a user's priority (then age)
     * orders only that user's jobs, so one user's flood, whatever its priority, waits its turn
     * behind everyone else's next job. Each claim is a compare-and-set on the row's version: when
     * two processes race for a job, exactly one update matches.
     *
     * @return the claims won, none when another process won them all
     * @throws JobStoreException when the database fails: nothing was claimed
     */
    public List<Lease> claim(String worker, String queue, int max) {
        Instant now = Instant.now();
        return db.inTransaction(c -> {
            List<List<IngestionJob>> perOwner = new ArrayList<>();
            for (String owner : ownersInTurn(c, queue, now, max)) {
                perOwner.add(Sql.list(c, IngestionJob.SELECT + " WHERE " + DUE + " AND queue_name = ? AND owner = ? "
                        + "ORDER BY priority DESC, created_at FETCH FIRST ? ROWS ONLY", IngestionJob::read,
                        due(now, queue, owner, max)));
            }
            List<Lease> claimed = new ArrayList<>();
            for (int round = 0; round < max && claimed.size() < max; round++) {
                for (List<IngestionJob> jobs : perOwner) {
                    if (claimed.size() == max) {
                        break;
                    }
                    if (round < jobs.size()) {
                        tryClaim(c, jobs.get(round), worker, now).ifPresent(claimed::add);
                    }
                }
            }
            return claimed;
        });
    }

    /**
     * Fails the jobs whose lease expired with every attempt spent: the last run ended without a word
     * (its process died or was killed), and a job that kills the processes running it would otherwise be
     * claimed again forever. Attempts are counted at claim, so such a job gets {@code max-attempts} runs.
     * Once per poll, not per claim: a worker claiming its next job needs no extra update.
     *
     * @throws JobStoreException when the database fails: no job was changed
     */
    public void failAbandoned() {
        Instant now = Instant.now();
        int failed = db.inTransaction(c -> Sql.update(c, "UPDATE ingestion_job SET state = ?, last_error = ?, "
                + "lease_until = NULL, lease_token = NULL, finished_at = ?, updated_at = ?, version = version + 1 "
                + "WHERE state = ? AND lease_until < ? AND attempts >= max_attempts",
                JobState.FAILED, "no attempt left: the last run ended without finishing (the process running it "
                        + "stopped: crashed, killed or out of memory)", now, now, JobState.RUNNING, now));
        if (failed > 0) {
            LOG.warnf("%d jobs failed for good: the process running their last attempt stopped", failed);
        }
    }

    /** Up to {@code max} users with due jobs in {@code queue}, fewest of its jobs running first, then oldest due job first. */
    private static List<String> ownersInTurn(Connection c, String queue, Instant now, int max) throws SQLException {
        Map<String, Long> running = new HashMap<>();
        Sql.list(c, "SELECT owner, COUNT(*) AS running FROM ingestion_job WHERE queue_name = ? AND state = ? "
                + "AND lease_until >= ? GROUP BY owner", r -> Map.entry(r.getString("owner"), r.getLong("running")),
                queue, JobState.RUNNING, now).forEach(e -> running.put(e.getKey(), e.getValue()));
        List<Map.Entry<String, Instant>> due = Sql.list(c, "SELECT owner, MIN(created_at) AS oldest FROM ingestion_job "
                + "WHERE " + DUE + " AND queue_name = ? GROUP BY owner",
                r -> Map.entry(r.getString("owner"), Sql.instant(r, "oldest")), due(now, queue));
        return due.stream()
                .sorted(Comparator.<Map.Entry<String, Instant>>comparingLong(e -> running.getOrDefault(e.getKey(), 0L))
                        .thenComparing(Map.Entry::getValue))
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** The values of {@link #DUE} at {@code now}, then {@code more}, the values of the rest of the statement. */
    private static Object[] due(Instant now, Object... more) {
        return concat(new Object[] {JobState.QUEUED, JobState.RETRYING, now, JobState.RUNNING, now}, more);
    }

    private static Object[] concat(Object[] first, Object... then) {
        Object[] all = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    /** The compare-and-set of a claim: it matches only while the row is as {@code c} read it. */
    private Optional<Lease> tryClaim(Connection tx, IngestionJob c, String worker, Instant now) throws SQLException {
        String token = UUID.randomUUID().toString();
        boolean won = Sql.update(tx, "UPDATE ingestion_job SET state = ?, lease_until = ?, leased_by = ?, lease_token = ?, "
                + "attempts = attempts + 1, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                JobState.RUNNING, now.plus(config.lease()), worker, token, now, c.id, c.version) == 1;
        return won ? Optional.of(new Lease(c.id, token)) : Optional.empty();
    }

    /** The job while {@code lease} holds it (running, under its token); empty once the lease is no longer this run's. */
    private static Optional<IngestionJob> held(Connection c, Lease lease) throws SQLException {
        return Sql.first(c, IngestionJob.SELECT + " WHERE id = ?", IngestionJob::read, lease.jobId())
                .filter(job -> job.state == JobState.RUNNING && lease.token().equals(job.leaseToken));
    }

    /**
     * The claimed job, any type; empty when the lease is no longer this run's.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<ClaimedJob> load(Lease lease) {
        return db.inTransaction(c -> held(c, lease)).map(job -> new ClaimedJob(lease, job.publicId,
                new Namespace(job.owner, job.project), job.type, job.queue, job.attempts, job.maxAttempts, job.payload));
    }

    /**
     * The claimed ingestion job with its documents; empty when the lease is no longer this run's.
     *
     * @throws JobStoreException when the database fails
     */
    public Optional<Claimed> loadIngestion(Lease lease) {
        return db.inTransaction(c -> {
            Optional<IngestionJob> held = held(c, lease);
            if (held.isEmpty()) {
                return Optional.empty();
            }
            IngestionJob job = held.get();
            List<Versioned> docs = Sql.list(c, JobDocument.OF_JOB, JobDocument::read, lease.jobId()).stream()
                    .map(d -> new Versioned(new DocumentIn(d.docId(), d.filename(), d.content()), d.version())).toList();
            return Optional.of(new Claimed(lease, new Namespace(job.owner, job.project), job.attempts, docs, job.saved,
                    Math.min(job.indexed, docs.size()), Superseded.parse(job.superseded)));
        });
    }

    /**
     * Extends the leases of the runs still going (the heartbeat), so a step may take longer than a lease.
     *
     * @return the ids of the jobs whose lease is no longer theirs: those runs must stop
     * @throws JobStoreException when the database fails: no lease was extended
     */
    public Set<String> renew(Collection<Lease> leases) {
        Instant until = Instant.now().plus(config.lease());
        return db.inTransaction(c -> {
            Set<String> lost = new HashSet<>();
            for (Lease l : leases) {
                // no version bump: a claim's compare-and-set only races with changes of state
                if (Sql.update(c, "UPDATE ingestion_job SET lease_until = ?" + HELD,
                        until, l.jobId(), l.token(), JobState.RUNNING) == 0) {
                    lost.add(l.jobId());
                }
            }
            return lost;
        });
    }

    /**
     * Records progress and renews the lease; false when the lease is no longer this run's (nothing written).
     *
     * @throws JobStoreException when the database fails: nothing was written
     */
    public boolean progress(Lease lease, int saved, int indexed, List<String> superseded) {
        Instant now = Instant.now();
        return writeHeld(lease, "saved = ?, indexed = ?, superseded = ?, lease_until = ?, updated_at = ?",
                saved, indexed, Superseded.format(superseded), now.plus(config.lease()), now);
    }

    /**
     * The run did its work: the job succeeds. False when the lease is no longer this run's (nothing written).
     *
     * @throws JobStoreException when the database fails: the job is still running, under its lease
     */
    public boolean succeed(Lease lease) {
        Instant now = Instant.now();
        return writeHeld(lease, "state = ?, last_error = NULL, lease_until = NULL, lease_token = NULL, finished_at = ?, "
                + "updated_at = ?", JobState.SUCCEEDED, now, now);
    }

    /**
     * An ingestion run did its work, with its counts. False when the lease is no longer this run's (nothing written).
     *
     * @throws JobStoreException when the database fails: the job is still running, under its lease
     */
    public boolean succeed(Lease lease, int saved, int indexed, boolean gitFailed) {
        Instant now = Instant.now();
        return writeHeld(lease, "state = ?, saved = ?, indexed = ?, git_failed = ?, last_error = NULL, lease_until = NULL, "
                + "lease_token = NULL, finished_at = ?, updated_at = ?", JobState.SUCCEEDED, saved, indexed, gitFailed, now, now);
    }

    /**
     * A run did not do its work (its handler answered retry, or failed): the job waits its queue's backoff
     * and runs again, or fails for good once its attempts are spent, or at once when {@code forGood}.
     *
     * @return the job's new state; null when the lease is no longer this run's (nothing written)
     * @throws JobStoreException when the database fails: the job is still running, under its lease
     */
    public JobState fail(Lease lease, String error, boolean forGood) {
        return fail(lease, 0, 0, 0, error, forGood);
    }

    /**
     * An ingestion run failed at its critical step: the job waits its queue's backoff and is retried,
     * or fails for good once its attempts are spent, or at once when {@code forGood}.
     *
     * @param savedInPrefix saves of the {@code indexed} leading documents: kept while the job will
     *                      be retried, since the retry resumes after them and saves the rest again
     * @param saved         every save of this run: kept when the job fails for good
     * @param forGood       the failure would only repeat (the downstream refused the request)
     * @return the job's new state; null when the lease is no longer this run's (nothing written)
     * @throws JobStoreException when the database fails: the job is still running, under its lease
     */
    public JobState fail(Lease lease, int savedInPrefix, int saved, int indexed, String error, boolean forGood) {
        return db.inTransaction(c -> {
            Optional<IngestionJob> held = held(c, lease);
            if (held.isEmpty()) {
                return null;
            }
            IngestionJob job = held.get();
            Instant now = Instant.now();
            boolean last = forGood || job.attempts >= job.maxAttempts;
            JobState next = last ? JobState.FAILED : JobState.RETRYING;
            // the backoff depends on the attempts read, so the write is a compare-and-set on that read
            boolean written = Sql.update(c, "UPDATE ingestion_job SET state = ?, saved = ?, indexed = ?, last_error = ?, "
                    + "lease_until = NULL, lease_token = NULL, updated_at = ?, finished_at = ?, next_attempt_at = ?, "
                    + "version = version + 1 WHERE id = ? AND version = ?",
                    next, last ? saved : savedInPrefix, indexed, error.length() > 1000 ? error.substring(0, 1000) : error,
                    now, last ? now : job.finishedAt,
                    last ? job.nextAttemptAt : now.plus(queues.settings(job.queue).backoff(job.attempts)),
                    job.id, job.version) == 1;
            return written ? next : null;
        });
    }

    /**
     * The run could not do its work yet (the vector store's breaker was open, or an older job is still
     * writing one of its documents): the job waits {@code delay} and the run does not count as an attempt.
     *
     * @return false when the lease is no longer this run's (nothing written)
     * @throws JobStoreException when the database fails: the job is still running, under its lease
     */
    public boolean postpone(Lease lease, int saved, int indexed, List<String> superseded, String reason, Duration delay) {
        Instant now = Instant.now();
        return writeHeld(lease, "state = ?, saved = ?, indexed = ?, superseded = ?, last_error = ?, lease_until = NULL, "
                + "lease_token = NULL, attempts = attempts - 1, next_attempt_at = ?, updated_at = ?",
                JobState.RETRYING, saved, indexed, Superseded.format(superseded), reason, now.plus(delay), now);
    }

    /**
     * Gives a job back to the queue between two documents (orderly shutdown): its progress is kept and
     * the run does not count as an attempt; any process may claim it at once.
     *
     * @return false when the lease is no longer this run's (nothing written)
     * @throws JobStoreException when the database fails: the job stays running until its lease expires
     */
    public boolean handBack(Lease lease, int saved, int indexed, List<String> superseded) {
        Instant now = Instant.now();
        return writeHeld(lease, "state = ?, saved = ?, indexed = ?, superseded = ?, lease_until = NULL, lease_token = NULL, "
                + "leased_by = NULL, attempts = attempts - 1, next_attempt_at = ?, updated_at = ?",
                JobState.QUEUED, saved, indexed, Superseded.format(superseded), now, now);
    }

    /**
     * Sets {@code assignments} (with their {@code values}) on the job {@code lease} holds, raising its version;
     * false when the lease is no longer this run's, and nothing was written.
     */
    private boolean writeHeld(Lease lease, String assignments, Object... values) {
        return db.inTransaction(c -> Sql.update(c, "UPDATE ingestion_job SET " + assignments + ", version = version + 1"
                + HELD, concat(values, lease.jobId(), lease.token(), JobState.RUNNING))) == 1;
    }

    /**
     * The jobs waiting to run (queued or retrying) and the submission time of the oldest: one grouped query on
     * the {@code (state, next_attempt_at)} index, for {@link JobBacklogMetrics} every few seconds.
     *
     * @throws JobStoreException when the database fails (the metrics keep their last figures)
     */
    public JobBacklog backlog() {
        List<Waiting> rows = db.inTransaction(c -> Sql.list(c, "SELECT state, COUNT(*) AS jobs, MIN(created_at) AS oldest "
                + "FROM ingestion_job WHERE state IN (?, ?) GROUP BY state",
                r -> new Waiting(JobState.valueOf(r.getString("state")), r.getLong("jobs"), Sql.instant(r, "oldest")),
                JobState.QUEUED, JobState.RETRYING));
        long queued = 0;
        long retrying = 0;
        Instant oldest = null;
        for (Waiting row : rows) {
            if (row.state() == JobState.QUEUED) {
                queued = row.jobs();
            } else {
                retrying = row.jobs();
            }
            if (row.oldest() != null && (oldest == null || row.oldest().isBefore(oldest))) {
                oldest = row.oldest();
            }
        }
        return new JobBacklog(queued, retrying, oldest);
    }

    /** One state's line of {@link #backlog}. */
    private record Waiting(JobState state, long jobs, Instant oldest) {
    }
}
