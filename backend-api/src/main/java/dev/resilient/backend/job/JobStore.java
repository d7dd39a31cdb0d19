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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job table and its state changes, each in its own transaction. Every change made on behalf
 * of a running job names the process holding the lease, so a process that lost its lease (it was
 * too slow, or presumed dead) cannot overwrite the new holder's work.
 */
@ApplicationScoped
public class JobStore {

    /** A claimed job with its documents, read in one transaction. */
    /**
     * A job this process holds, with the progress of its earlier attempts: {@code indexed} is the
     * number of leading documents already in the vector store, {@code saved} how many of them were saved.
     */
    public record Claimed(String id, Namespace namespace, int attempts, List<DocumentIn> documents, int saved,
            int indexed) {
    }

    private final JobsConfig config;

    JobStore(JobsConfig config) {
        this.config = config;
    }

    /**
     * Stores a job with its documents. The caller asks {@link #replayOf} first when it has a key.
     *
     * @param idempotent the submitter's key and request hash, or null
     * @throws jakarta.persistence.PersistenceException when a concurrent submission with the same key
     *         was stored first (unique per owner): {@link #replayOf} then answers with that one
     */
    @Transactional
    public IngestionJob submit(Namespace ns, List<DocumentIn> documents, int priority, IdempotentSubmission idempotent) {
        Instant now = Instant.now();
        IngestionJob job = new IngestionJob();
        job.id = UUID.randomUUID().toString();
        job.owner = ns.user();
        job.project = ns.project();
        job.state = JobState.QUEUED;
        job.priority = priority;
        job.maxAttempts = config.maxAttempts();
        job.documentCount = documents.size();
        job.nextAttemptAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        if (idempotent != null) {
            job.idempotencyKey = idempotent.key();
            job.requestHash = idempotent.requestHash();
        }
        job.persistAndFlush(); // a concurrent submission with the same key fails here, before the documents
        for (int i = 0; i < documents.size(); i++) {
            DocumentIn d = documents.get(i);
            JobDocument doc = new JobDocument();
            doc.id = job.id + ":" + i;
            doc.jobId = job.id;
            doc.seq = i;
            doc.docId = d.id();
            doc.filename = d.filename();
            doc.content = d.content();
            doc.persist();
        }
        return job;
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

    /** The job if {@code owner} submitted it; anyone else gets nothing, not even its existence. */
    @Transactional
    public Optional<IngestionJob> findOwned(String owner, String id) {
        return IngestionJob.<IngestionJob>findByIdOptional(id).filter(j -> j.owner.equals(owner));
    }

    /** Due: queued, or retrying and past its wait, or running with an expired lease. */
    private static final String DUE = "(state in ?1 and nextAttemptAt <= ?2) or (state = ?3 and leaseUntil < ?2)";

    /**
     * Claims up to {@code max} due jobs (queued, or retrying and past their wait, or whose lease
     * expired), fairly across users: users with the fewest jobs running go first, then the user
     * whose oldest due job is oldest, one job per user per round; a user's priority (then age)
     * orders only that user's jobs, so one user's flood, whatever its priority, waits its turn
     * behind everyone else's next job. Each claim is a compare-and-set on the row's version: when
     * two processes race for a job, exactly one update matches.
     */
    @Transactional
    public List<String> claim(String worker, int max) {
        Instant now = Instant.now();
        List<List<IngestionJob>> queues = new ArrayList<>();
        for (String owner : ownersInTurn(now, max)) {
            queues.add(IngestionJob.<IngestionJob>find("owner = ?4 and (" + DUE + ")",
                    Sort.descending("priority").and("createdAt"),
                    List.of(JobState.QUEUED, JobState.RETRYING), now, JobState.RUNNING, owner).page(0, max).list());
        }
        List<String> claimed = new ArrayList<>();
        for (int round = 0; round < max && claimed.size() < max; round++) {
            for (List<IngestionJob> queue : queues) {
                if (claimed.size() == max) {
                    break;
                }
                if (round < queue.size() && tryClaim(queue.get(round), worker, now)) {
                    claimed.add(queue.get(round).id);
                }
            }
        }
        return claimed;
    }

    /** Up to {@code max} users with due jobs, fewest jobs running first, then oldest due job first. */
    private static List<String> ownersInTurn(Instant now, int max) {
        Map<String, Long> running = new HashMap<>();
        IngestionJob.getEntityManager().createQuery(
                "select owner, count(*) from IngestionJob where state = ?1 and leaseUntil >= ?2 group by owner",
                Object[].class).setParameter(1, JobState.RUNNING).setParameter(2, now).getResultList()
                .forEach(r -> running.put((String) r[0], (Long) r[1]));
        List<Object[]> due = IngestionJob.getEntityManager().createQuery(
                "select owner, min(createdAt) from IngestionJob where " + DUE + " group by owner", Object[].class)
                .setParameter(1, List.of(JobState.QUEUED, JobState.RETRYING)).setParameter(2, now)
                .setParameter(3, JobState.RUNNING).getResultList();
        return due.stream()
                .sorted(Comparator.<Object[]>comparingLong(r -> running.getOrDefault((String) r[0], 0L))
                        .thenComparing(r -> (Instant) r[1]))
                .limit(max).map(r -> (String) r[0]).toList();
    }

    private boolean tryClaim(IngestionJob c, String worker, Instant now) {
        return IngestionJob.update("state = ?1, leaseUntil = ?2, leasedBy = ?3, attempts = attempts + 1, "
                + "updatedAt = ?4, version = version + 1 where id = ?5 and version = ?6",
                JobState.RUNNING, now.plus(config.lease()), worker, now, c.id, c.version) == 1;
    }

    @Transactional
    public Optional<Claimed> load(String id, String worker) {
        IngestionJob job = IngestionJob.findById(id);
        if (job == null || job.state != JobState.RUNNING || !worker.equals(job.leasedBy)) {
            return Optional.empty();
        }
        List<DocumentIn> docs = JobDocument.<JobDocument>find("jobId", Sort.ascending("seq"), id).stream()
                .map(d -> new DocumentIn(d.docId, d.filename, d.content)).toList();
        return Optional.of(new Claimed(id, new Namespace(job.owner, job.project), job.attempts, docs, job.saved,
                Math.min(job.indexed, docs.size())));
    }

    /** Records progress and renews the lease; false when this process no longer holds the job. */
    @Transactional
    public boolean progress(String id, String worker, int saved, int indexed) {
        Instant now = Instant.now();
        return IngestionJob.update("saved = ?1, indexed = ?2, leaseUntil = ?3, updatedAt = ?4, version = version + 1 "
                + "where id = ?5 and leasedBy = ?6 and state = ?7",
                saved, indexed, now.plus(config.lease()), now, id, worker, JobState.RUNNING) == 1;
    }

    @Transactional
    public boolean succeed(String id, String worker, int saved, int indexed, boolean gitFailed) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, saved = ?2, indexed = ?3, gitFailed = ?4, lastError = null, "
                + "leaseUntil = null, finishedAt = ?5, updatedAt = ?5, version = version + 1 "
                + "where id = ?6 and leasedBy = ?7 and state = ?8",
                JobState.SUCCEEDED, saved, indexed, gitFailed, now, id, worker, JobState.RUNNING) == 1;
    }

    /**
     * A run failed at its critical step: the job waits and is retried with exponential backoff,
     * or fails for good once its attempts are spent, or at once when {@code forGood}.
     *
     * @param savedInPrefix saves of the {@code indexed} leading documents: kept while the job will
     *                      be retried, since the retry resumes after them and saves the rest again
     * @param saved         every save of this run: kept when the job fails for good
     * @param forGood       the failure would only repeat (the downstream refused the request)
     */
    @Transactional
    public JobState fail(String id, String worker, int savedInPrefix, int saved, int indexed, String error,
            boolean forGood) {
        IngestionJob job = IngestionJob.findById(id);
        if (job == null || job.state != JobState.RUNNING || !worker.equals(job.leasedBy)) {
            return null;
        }
        Instant now = Instant.now();
        boolean last = forGood || job.attempts >= job.maxAttempts;
        job.saved = last ? saved : savedInPrefix;
        job.indexed = indexed;
        job.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        job.leaseUntil = null;
        job.updatedAt = now;
        if (last) {
            job.state = JobState.FAILED;
            job.finishedAt = now;
        } else {
            job.state = JobState.RETRYING;
            job.nextAttemptAt = now.plus(backoff(job.attempts));
        }
        return job.state;
    }

    /**
     * The run could not reach the downstream at all (its breaker was open): the job waits
     * {@code delay} and the run does not count as an attempt.
     */
    @Transactional
    public boolean postpone(String id, String worker, int saved, int indexed, String reason, Duration delay) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, saved = ?2, indexed = ?3, lastError = ?4, leaseUntil = null, "
                + "attempts = attempts - 1, nextAttemptAt = ?5, updatedAt = ?6, version = version + 1 "
                + "where id = ?7 and leasedBy = ?8 and state = ?9",
                JobState.RETRYING, saved, indexed, reason, now.plus(delay), now, id, worker, JobState.RUNNING) == 1;
    }

    /** Hands this process' running jobs back to the queue (orderly shutdown). */
    @Transactional
    public int release(String worker) {
        Instant now = Instant.now();
        return IngestionJob.update("state = ?1, leaseUntil = null, leasedBy = null, nextAttemptAt = ?2, updatedAt = ?2, "
                + "version = version + 1 where leasedBy = ?3 and state = ?4", JobState.QUEUED, now, worker, JobState.RUNNING);
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

    Duration backoff(int attempts) {
        Duration d = config.backoffInitial().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return d.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : d;
    }
}
