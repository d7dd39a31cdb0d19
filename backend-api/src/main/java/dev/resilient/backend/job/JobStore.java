package dev.resilient.backend.job;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.config.JobsConfig;
import dev.resilient.backend.service.Namespace;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * The job table and its state changes, each in its own transaction: the persistent request queue of seed
 * 004, every job type and named queue in one table (claims look at one queue at a time). Every claim writes a new lease
 * token, and every change made on behalf of a running job names it: a run that lost its lease (it
 * was presumed dead, and the job was claimed again, even by the same process) cannot overwrite the
 * new run's work. Every method throws {@link jakarta.persistence.PersistenceException} (or a
 * {@link jakarta.transaction.TransactionalException}) when the database fails: nothing was written, and the
 * REST layer answers 503 ({@code rest/JobStoreErrorMapper}).
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

    private final JobsConfig config;
    private final JobQueues queues;
    private final DocumentVersions versions;
    private final SubmissionQuotas quotas;

    JobStore(JobsConfig config, JobQueues queues, DocumentVersions versions, SubmissionQuotas quotas) {
        this.config = config;
        this.queues = queues;
        this.versions = versions;
        this.quotas = quotas;
    }

    /**
     * Stores a job with its documents, each with its next version. The caller asks {@link #replayOf}
     * first when it has a key.
     *
     * @param idempotent the submitter's key and request hash, or null
     * @throws jakarta.persistence.PersistenceException when a concurrent submission with the same key
     *         was stored first (unique per owner): {@link #replayOf} then answers with that one; or when
     *         a concurrent submission added the same new document id first (submitting again succeeds)
     * @throws jakarta.ws.rs.WebApplicationException 403 or 413 past a storage quota: nothing is stored
     */
    @Transactional
    public IngestionJob submit(Namespace ns, List<DocumentIn> documents, int priority, IdempotentSubmission idempotent) {
        Instant now = Instant.now();
        IngestionJob job = new IngestionJob();
        job.id = UUID.randomUUID().toString();
        job.publicId = job.id;
        job.type = INGESTION;
        job.queue = JobQueues.DEFAULT;
        job.owner = ns.user();
        job.project = ns.project();
        job.state = JobState.QUEUED;
        job.priority = priority;
        job.maxAttempts = queues.settings(job.queue).maxAttempts();
        job.documentCount = documents.size();
        job.nextAttemptAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        if (idempotent != null) {
            job.idempotencyKey = idempotent.key();
            job.requestHash = idempotent.requestHash();
        }
        job.persistAndFlush(); // a concurrent submission with the same key fails here, before the documents
        DocumentVersions.Registered registered = versions.register(ns, documents);
        quotas.checkStorage(ns, registered.growth());
        for (int i = 0; i < documents.size(); i++) {
            DocumentIn d = documents.get(i);
            JobDocument doc = new JobDocument();
            doc.id = job.id + ":" + i;
            doc.jobId = job.id;
            doc.seq = i;
            doc.docId = d.id();
            doc.filename = d.filename();
            doc.content = d.content();
            doc.version = registered.versions().get(i);
            doc.persist();
        }
        return job;
    }

    /**
     * Stores a new job of {@code ns}'s owner (seed 004's {@code enqueue}), due at once. The caller asks
     * {@link #existing} first when it has a job id.
     *
     * @throws jakarta.persistence.PersistenceException when a concurrent enqueue with the same job id was
     *         stored first: {@link #existing} then answers with that one
     */
    @Transactional
    public IngestionJob enqueue(Namespace ns, NewJob n) {
        Instant now = Instant.now();
        IngestionJob job = new IngestionJob();
        job.id = UUID.randomUUID().toString();
        job.publicId = n.publicId() == null ? job.id : n.publicId();
        job.type = n.type();
        job.queue = n.queue();
        job.payload = n.payload();
        job.subject = n.subject();
        job.requestHash = n.requestHash();
        job.owner = ns.user();
        job.project = ns.project();
        job.state = JobState.QUEUED;
        job.priority = n.priority();
        job.maxAttempts = queues.settings(n.queue()).maxAttempts();
        job.nextAttemptAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        job.persistAndFlush();
        return job;
    }

    /**
     * The job of {@code owner} that a caller's job id already names, if any.
     *
     * @throws JobIdTakenException when it was stored for another request (another type, project, payload or priority)
     */
    @Transactional
    public Optional<IngestionJob> existing(String owner, String publicId, String requestHash) {
        Optional<IngestionJob> found = findOwned(owner, publicId);
        if (found.isPresent() && !requestHash.equals(found.get().requestHash)) {
            throw new JobIdTakenException(publicId);
        }
        return found;
    }

    /** The newest job of {@code type} about {@code subject} in {@code ns}'s project, if any. */
    @Transactional
    public Optional<IngestionJob> newest(Namespace ns, String type, String subject) {
        return IngestionJob.<IngestionJob>find("owner = ?1 and project = ?2 and type = ?3 and subject = ?4",
                Sort.descending("createdAt"), ns.user(), ns.project(), type, subject).firstResultOptional();
    }

    /**
     * The job an earlier submission with the same owner and key stored within the window, if any.
     *
     * @throws IdempotentSubmission.KeyReusedException when it was for another request
     */
    @Transactional
    public Optional<IngestionJob> replayOf(Namespace ns, IdempotentSubmission idempotent) {
        Instant now = Instant.now();
        Optional<IngestionJob> first = IngestionJob.<IngestionJob>find("owner = ?1 and idempotencyKey = ?2",
                ns.user(), idempotent.key()).firstResultOptional();
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
        // the window is over: the key may name a new request (a bulk update: no version bump)
        IngestionJob.update("idempotencyKey = null where id = ?1", f.id);
        return Optional.empty();
    }

    /** The job {@code owner} knows by {@code publicId}; anyone else gets nothing, not even its existence. */
    @Transactional
    public Optional<IngestionJob> findOwned(String owner, String publicId) {
        return IngestionJob.<IngestionJob>find("owner = ?1 and publicId = ?2", owner, publicId).firstResultOptional();
    }

    /** Due: queued, or retrying and past its wait, or running with an expired lease. */
    private static final String DUE = "(state in ?1 and nextAttemptAt <= ?2) or (state = ?3 and leaseUntil < ?2)";

    /**
     * Claims up to {@code max} due jobs of {@code queue} (queued, or retrying and past their wait, or whose lease
     * expired), each with a new lease token and one more attempt counted, fairly across users: users with the fewest
     * jobs of the queue running go first, then the user
     * whose oldest due job is oldest, one job per user per round; a user's priority (then age)
     * orders only that user's jobs, so one user's flood, whatever its priority, waits its turn
     * behind everyone else's next job. Each claim is a compare-and-set on the row's version: when
     * two processes race for a job, exactly one update matches.
     */
    @Transactional
    public List<Lease> claim(String worker, String queue, int max) {
        Instant now = Instant.now();
        List<List<IngestionJob>> perOwner = new ArrayList<>();
        for (String owner : ownersInTurn(queue, now, max)) {
            perOwner.add(IngestionJob.<IngestionJob>find("queue = ?5 and owner = ?4 and (" + DUE + ")",
                    Sort.descending("priority").and("createdAt"),
                    List.of(JobState.QUEUED, JobState.RETRYING), now, JobState.RUNNING, owner, queue).page(0, max).list());
        }
        List<Lease> claimed = new ArrayList<>();
        for (int round = 0; round < max && claimed.size() < max; round++) {
            for (List<IngestionJob> jobs : perOwner) {
                if (claimed.size() == max) {
                    break;
                }
                if (round < jobs.size()) {
                    tryClaim(jobs.get(round), worker, now).ifPresent(claimed::add);
                }
            }
        }
        return claimed;
    }

    /**
     * Fails the jobs whose lease expired with every attempt spent: the last run ended without a word
     * (its process died or was killed), and a job that kills the processes running it would otherwise be
     * claimed again forever. Attempts are counted at claim, so such a job gets {@code max-attempts} runs.
     * Once per poll, not per claim: a worker claiming its next job needs no extra update.
     */
    @Transactional
    public void failAbandoned() {
        Instant now = Instant.now();
        int failed = IngestionJob.update("state = ?1, lastError = ?2, leaseUntil = null, leaseToken = null, finishedAt = ?3, "
                + "updatedAt = ?3, version = version + 1 where state = ?4 and leaseUntil < ?3 and attempts >= maxAttempts",
                JobState.FAILED, "no attempt left: the last run ended without finishing (the process running it "
                        + "stopped: crashed, killed or out of memory)", now, JobState.RUNNING);
        if (failed > 0) {
            LOG.warnf("%d jobs failed for good: the process running their last attempt stopped", failed);
        }
    }

    /** Up to {@code max} users with due jobs in {@code queue}, fewest of its jobs running first, then oldest due job first. */
    private static List<String> ownersInTurn(String queue, Instant now, int max) {
        Map<String, Long> running = new HashMap<>();
        IngestionJob.getEntityManager().createQuery(
                "select owner, count(*) from IngestionJob where queue = ?3 and state = ?1 and leaseUntil >= ?2 group by owner",
                Object[].class).setParameter(1, JobState.RUNNING).setParameter(2, now).setParameter(3, queue).getResultList()
                .forEach(r -> running.put((String) r[0], (Long) r[1]));
        List<Object[]> due = IngestionJob.getEntityManager().createQuery(
                "select owner, min(createdAt) from IngestionJob where queue = ?4 and (" + DUE + ") group by owner", Object[].class)
                .setParameter(1, List.of(JobState.QUEUED, JobState.RETRYING)).setParameter(2, now)
                .setParameter(3, JobState.RUNNING).setParameter(4, queue).getResultList();
        return due.stream()
                .sorted(Comparator.<Object[]>comparingLong(r -> running.getOrDefault((String) r[0], 0L))
                        .thenComparing(r -> (Instant) r[1]))
                .limit(max).map(r -> (String) r[0]).toList();
    }

    private Optional<Lease> tryClaim(IngestionJob c, String worker, Instant now) {
        String token = UUID.randomUUID().toString();
        boolean won = IngestionJob.update("state = ?1, leaseUntil = ?2, leasedBy = ?3, leaseToken = ?4, "
                + "attempts = attempts + 1, updatedAt = ?5, version = version + 1 where id = ?6 and version = ?7",
                JobState.RUNNING, now.plus(config.lease()), worker, token, now, c.id, c.version) == 1;
        return won ? Optional.of(new Lease(c.id, token)) : Optional.empty();
    }

    /** The claimed job, any type; empty when the lease is no longer this run's. */
    @Transactional
    public Optional<ClaimedJob> load(Lease lease) {
        IngestionJob job = IngestionJob.findById(lease.jobId());
        if (job == null || job.state != JobState.RUNNING || !lease.token().equals(job.leaseToken)) {
            return Optional.empty();
        }
        return Optional.of(new ClaimedJob(lease, job.publicId, new Namespace(job.owner, job.project), job.type, job.queue,
                job.attempts, job.maxAttempts, job.payload));
    }

    /** The claimed ingestion job with its documents; empty when the lease is no longer this run's. */
    @Transactional
    public Optional<Claimed> loadIngestion(Lease lease) {
        IngestionJob job = IngestionJob.findById(lease.jobId());
        if (job == null || job.state != JobState.RUNNING || !lease.token().equals(job.leaseToken)) {
            return Optional.empty();
        }
        List<Versioned> docs = JobDocument.<JobDocument>find("jobId", Sort.ascending("seq"), lease.jobId()).stream()
                .map(d -> new Versioned(new DocumentIn(d.docId, d.filename, d.content), d.version)).toList();
        return Optional.of(new Claimed(lease, new Namespace(job.owner, job.project), job.attempts, docs, job.saved,
                Math.min(job.indexed, docs.size()), Superseded.parse(job.superseded)));
    }

    /**
     * Extends the leases of the runs still going (the heartbeat), so a step may take longer than a lease.
     *
     * @return the ids of the jobs whose lease is no longer theirs: those runs must stop
     */
    @Transactional
    public Set<String> renew(Collection<Lease> leases) {
        Instant until = Instant.now().plus(config.lease());
        Set<String> lost = new HashSet<>();
        for (Lease l : leases) {
            if (IngestionJob.update("leaseUntil = ?1 where id = ?2 and leaseToken = ?3 and state = ?4",
                    until, l.jobId(), l.token(), JobState.RUNNING) == 0) {
                lost.add(l.jobId());
            }
        }
        return lost;
    }

    /** Records progress and renews the lease; false when the lease is no longer this run's. */
    @Transactional
    public boolean progress(Lease lease, int saved, int indexed, List<String> superseded) {
        Instant now = Instant.now();
        return IngestionJob.update("saved = ?1, indexed = ?2, superseded = ?3, leaseUntil = ?4, updatedAt = ?5, "
                + "version = version + 1 where id = ?6 and leaseToken = ?7 and state = ?8",
                saved, indexed, Superseded.format(superseded), now.plus(config.lease()), now, lease.jobId(), lease.token(),
                JobState.RUNNING) == 1;
    }

    /** The run did its work: the job succeeds. False when the lease is no longer this run's (nothing written). */
    @Transactional
    public boolean succeed(Lease lease) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, lastError = null, leaseUntil = null, leaseToken = null, finishedAt = ?2, "
                + "updatedAt = ?2, version = version + 1 where id = ?3 and leaseToken = ?4 and state = ?5",
                JobState.SUCCEEDED, now, lease.jobId(), lease.token(), JobState.RUNNING) == 1;
    }

    /** An ingestion run did its work, with its counts. False when the lease is no longer this run's (nothing written). */
    @Transactional
    public boolean succeed(Lease lease, int saved, int indexed, boolean gitFailed) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, saved = ?2, indexed = ?3, gitFailed = ?4, lastError = null, "
                + "leaseUntil = null, leaseToken = null, finishedAt = ?5, updatedAt = ?5, version = version + 1 "
                + "where id = ?6 and leaseToken = ?7 and state = ?8",
                JobState.SUCCEEDED, saved, indexed, gitFailed, now, lease.jobId(), lease.token(), JobState.RUNNING) == 1;
    }

    /**
     * A run did not do its work (its handler answered retry, or failed): the job waits its queue's backoff
     * and runs again, or fails for good once its attempts are spent, or at once when {@code forGood}.
     *
     * @return the job's new state; null when the lease is no longer this run's (nothing written)
     */
    @Transactional
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
     */
    @Transactional
    public JobState fail(Lease lease, int savedInPrefix, int saved, int indexed, String error, boolean forGood) {
        IngestionJob job = IngestionJob.findById(lease.jobId());
        if (job == null || job.state != JobState.RUNNING || !lease.token().equals(job.leaseToken)) {
            return null;
        }
        Instant now = Instant.now();
        boolean last = forGood || job.attempts >= job.maxAttempts;
        job.saved = last ? saved : savedInPrefix;
        job.indexed = indexed;
        job.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        job.leaseUntil = null;
        job.leaseToken = null;
        job.updatedAt = now;
        if (last) {
            job.state = JobState.FAILED;
            job.finishedAt = now;
        } else {
            job.state = JobState.RETRYING;
            job.nextAttemptAt = now.plus(queues.settings(job.queue).backoff(job.attempts));
        }
        return job.state;
    }

    /**
     * The run could not do its work yet (the vector store's breaker was open, or an older job is still
     * writing one of its documents): the job waits {@code delay} and the run does not count as an attempt.
     */
    @Transactional
    public boolean postpone(Lease lease, int saved, int indexed, List<String> superseded, String reason, Duration delay) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, saved = ?2, indexed = ?3, superseded = ?4, lastError = ?5, "
                + "leaseUntil = null, leaseToken = null, attempts = attempts - 1, nextAttemptAt = ?6, updatedAt = ?7, "
                + "version = version + 1 where id = ?8 and leaseToken = ?9 and state = ?10",
                JobState.RETRYING, saved, indexed, Superseded.format(superseded), reason, now.plus(delay), now,
                lease.jobId(), lease.token(), JobState.RUNNING) == 1;
    }

    /**
     * Gives a job back to the queue between two documents (orderly shutdown): its progress is kept and
     * the run does not count as an attempt; any process may claim it at once.
     */
    @Transactional
    public boolean handBack(Lease lease, int saved, int indexed, List<String> superseded) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, saved = ?2, indexed = ?3, superseded = ?4, leaseUntil = null, "
                + "leaseToken = null, leasedBy = null, attempts = attempts - 1, nextAttemptAt = ?5, updatedAt = ?5, "
                + "version = version + 1 where id = ?6 and leaseToken = ?7 and state = ?8",
                JobState.QUEUED, saved, indexed, Superseded.format(superseded), now, lease.jobId(), lease.token(),
                JobState.RUNNING) == 1;
    }

    /**
     * The jobs waiting to run (queued or retrying) and the submission time of the oldest: one grouped query on
     * the {@code (state, next_attempt_at)} index, for {@link JobBacklogMetrics} every few seconds.
     */
    @Transactional
    public JobBacklog backlog() {
        List<Object[]> rows = IngestionJob.getEntityManager().createQuery(
                "select j.state, count(j), min(j.createdAt) from IngestionJob j where j.state in ?1 group by j.state",
                Object[].class)
                .setParameter(1, List.of(JobState.QUEUED, JobState.RETRYING))
                .getResultList();
        long queued = 0;
        long retrying = 0;
        Instant oldest = null;
        for (Object[] row : rows) {
            long count = ((Number) row[1]).longValue();
            if (row[0] == JobState.QUEUED) {
                queued = count;
            } else {
                retrying = count;
            }
            Instant since = (Instant) row[2];
            if (since != null && (oldest == null || since.isBefore(oldest))) {
                oldest = since;
            }
        }
        return new JobBacklog(queued, retrying, oldest);
    }
}
