package dev.resilient.backend.job;

import dev.resilient.backend.config.JobsConfig;
import dev.resilient.backend.resilience.Caller;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.EffectivePolicy;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.PolicyRegistry;
import dev.resilient.backend.service.IndexingFailedException;
import dev.resilient.backend.service.IngestionService;
import dev.resilient.backend.service.LastGoodResults;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The ingestion worker: the Quarkus scheduler polls for due jobs, claims as many as there are
 * free workers ({@code backend.jobs.workers}) and runs each on the managed executor. A worker that
 * finishes a job claims the next due one at once, so a backlog drains at the speed of the
 * downstreams, not at one job per worker per poll interval; the poll only wakes idle workers.
 * <p>
 * A heartbeat renews the lease of every run in progress, so a step may take longer than a lease
 * (a hanging downstream) and the job still runs once; a run whose lease was taken over stops at its
 * next step, and the store refuses its writes. At an orderly shutdown each run hands its job back
 * between two documents (or finishes, when only the snapshot was left); a run still in a step when
 * the grace period ends keeps its lease, so nobody else starts the job before the lease expires.
 */
@Startup // checks its lease settings at start, not at the first poll
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /** A run in progress: its claim, and whether the heartbeat found the lease taken over. */
    private static final class Run {
        final JobStore.Lease lease;
        volatile boolean lost;

        Run(JobStore.Lease lease) {
            this.lease = lease;
        }
    }

    private final JobStore store;
    private final DocumentVersions versions;
    private final IngestionService ingestion;
    private final ManagedExecutor executor;
    private final JobsConfig config;
    private final LastGoodResults lastGood;
    private final PolicyRegistry policies;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Who holds a lease: host and pid, plus a random part so a restarted process is someone new. */
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    JobRunner(JobStore store, DocumentVersions versions, IngestionService ingestion, ManagedExecutor executor,
            JobsConfig config, LastGoodResults lastGood, PolicyRegistry policies) {
        Duration heartbeat = DurationConverter.parseDuration(config.heartbeat());
        if (config.lease().compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalStateException("backend.jobs.lease (" + config.lease() + ") must be at least three "
                    + "heartbeats (backend.jobs.heartbeat " + heartbeat + "), so one late heartbeat never loses a lease");
        }
        this.store = store;
        this.versions = versions;
        this.ingestion = ingestion;
        this.executor = executor;
        this.config = config;
        this.lastGood = lastGood;
        this.policies = policies;
    }

    @Scheduled(every = "${backend.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int free = config.workers() - inFlight.get();
        if (!config.enabled() || stopping || free <= 0) {
            return;
        }
        store.failAbandoned();
        for (JobStore.Lease lease : store.claim(worker, free)) {
            inFlight.incrementAndGet();
            executor.runAsync(() -> work(lease)).whenComplete((v, e) -> {
                inFlight.decrementAndGet();
                if (e != null) {
                    LOG.errorf(e, "Worker ended unexpectedly; the lease of the job it held will expire and the job will run again");
                }
            });
        }
    }

    /** Renews the leases (and document writes) of every run in progress; flags the runs whose lease was taken over. */
    @Scheduled(every = "${backend.jobs.heartbeat:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        List<JobStore.Lease> leases = runs.values().stream().map(r -> r.lease).toList();
        if (leases.isEmpty()) {
            return;
        }
        try {
            Set<String> lost = store.renew(leases);
            versions.renew(leases.stream().map(JobStore.Lease::token).toList(), Instant.now().plus(config.lease()));
            for (String id : lost) {
                Run run = runs.get(id);
                if (run != null) {
                    run.lost = true;
                    LOG.warnf("Job %s: lease taken over by another run; this run stops at its next step", id);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew %d job leases (%s); the next heartbeat tries again", leases.size(), e.getMessage());
        }
    }

    /** One worker slot: runs the claimed job, then the next due one it can claim, until none is due. */
    private void work(JobStore.Lease first) {
        for (JobStore.Lease lease = first; lease != null; lease = next()) {
            Run run = new Run(lease);
            runs.put(lease.jobId(), run);
            try {
                run(run);
            } finally {
                runs.remove(lease.jobId(), run);
            }
        }
    }

    /** The next due job for a worker that just finished one, or null (none due, shutting down, or the store failed). */
    private JobStore.Lease next() {
        if (stopping) {
            return null;
        }
        try {
            return store.claim(worker, 1).stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim the next job (%s); the next poll tries again", e.getMessage());
            return null;
        }
    }

    private void run(Run run) {
        String id = run.lease.jobId();
        JobStore.Claimed job = store.load(run.lease).orElse(null);
        if (job == null) {
            return;
        }
        LOG.infof("Job %s: attempt %d, %d documents%s", id, job.attempts(), job.documents().size(),
                job.indexed() > 0 ? ", resuming after the " + job.indexed() + " already handled" : "");
        // An attempt resumes where the previous one stopped: what is indexed is not sent again,
        // so a flapping vector store gets fewer calls with every attempt, not the same number.
        Progress p = new Progress(job);
        Caller caller = Caller.background(job.namespace().user(), "ingestion");
        try {
            for (JobStore.Versioned doc : job.documents().subList(job.indexed(), job.documents().size())) {
                if (stopped(run, p)) {
                    return;
                }
                DocumentVersions.Write write = versions.acquire(job.namespace(), doc.document().id(), doc.version(),
                        run.lease.token(), Instant.now().plus(config.lease()));
                if (write == DocumentVersions.Write.BUSY) {
                    postpone(run, p, "document " + doc.document().id() + " is being written by another job; waiting for it",
                            config.backoffInitial());
                    return;
                }
                if (write == DocumentVersions.Write.SUPERSEDED) {
                    LOG.infof("Job %s: document %s (version %d) skipped: a newer submission of it exists", id,
                            doc.document().id(), doc.version());
                    p.superseded.add(doc.document().id());
                } else {
                    try {
                        if (ingestion.save(caller, job.namespace(), doc.document())) {
                            p.saved++;
                        }
                        ingestion.index(caller, job.namespace(), doc.document());
                    } finally {
                        versions.release(job.namespace(), doc.document().id(), run.lease.token());
                    }
                }
                p.indexed++;
                p.savedInPrefix = p.saved;
                if (!store.progress(run.lease, p.saved, p.indexed, p.superseded)) {
                    LOG.warnf("Job %s: lease lost to another run, stopping this one", id);
                    return;
                }
            }
            if (run.lost) {
                LOG.warnf("Job %s: lease lost to another run before the snapshot, stopping this one", id);
                return;
            }
            boolean gitFailed = !ingestion.snapshot(caller, id, job.namespace(), p.indexed);
            // Before the job reads as succeeded: whoever sees it done must not then be served a search
            // cached from the documents before it. Dropping them twice (a lost lease) costs one miss.
            lastGood.forget(job.namespace());
            if (store.succeed(run.lease, p.saved, p.indexed, gitFailed)) {
                LOG.infof("Job %s succeeded: saved %d, indexed %d, superseded %d, git_failed %s", id, p.saved, p.indexed,
                        p.superseded.size(), gitFailed);
            }
        } catch (IndexingFailedException e) {
            if (e.nothingReachedChroma()) {
                // Refused before any attempt (usually the open breaker the log line names, or a full
                // bulkhead): wait out the breaker's delay and keep the job's attempt. With no breaker (fault
                // tolerance switched off) it was the bulkhead: wait the first job backoff instead.
                long breakerDelay = policies.get(Downstream.CHROMA).breakerDelayMs();
                postpone(run, p, e.getMessage(),
                        breakerDelay == EffectivePolicy.NONE ? config.backoffInitial() : Duration.ofMillis(breakerDelay));
                return;
            }
            failed(run, job, p, e, e.refused());
        } catch (RuntimeException e) {
            failed(run, job, p, e, false);
        }
    }

    /** True when this run must end before its next document: its lease was taken over, or the process is stopping. */
    private boolean stopped(Run run, Progress p) {
        if (run.lost) {
            LOG.warnf("Job %s: lease lost to another run, stopping this one", run.lease.jobId());
            return true;
        }
        if (stopping) {
            if (store.handBack(run.lease, p.savedInPrefix, p.indexed, p.superseded)) {
                LOG.infof("Job %s handed back to the queue after %d documents (shutting down)", run.lease.jobId(), p.indexed);
            }
            return true;
        }
        return false;
    }

    private void postpone(Run run, Progress p, String reason, Duration wait) {
        if (store.postpone(run.lease, p.savedInPrefix, p.indexed, p.superseded, reason, wait)) {
            LOG.infof("Job %s postponed %d ms without using an attempt: %s", run.lease.jobId(), wait.toMillis(), reason);
        }
    }

    /** @param forGood the failure would repeat (chroma refused the document): no attempt is left to it */
    private void failed(Run run, JobStore.Claimed job, Progress p, RuntimeException e, boolean forGood) {
        JobState next = store.fail(run.lease, p.savedInPrefix, p.saved, p.indexed, Failures.describe(e), forGood);
        LOG.warnf("Job %s attempt %d failed (%s): now %s", run.lease.jobId(), job.attempts(), e.getMessage(),
                next == null ? "held by another run" : next.wire());
    }

    /**
     * Stops claiming, then waits up to {@code backend.jobs.shutdown-grace} for the runs in progress to hand
     * their jobs back (each does between two documents) or finish.
     */
    void drainOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (!runs.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!runs.isEmpty()) {
            LOG.warnf("%d jobs still in a step at shutdown keep their lease: another process takes them up when it "
                    + "expires (%s), so none runs twice", runs.size(), config.lease());
        }
    }

    /** A run's counts as it goes. */
    private static final class Progress {
        int saved;
        int indexed;
        /** Saves of the documents handled so far: where the next attempt resumes. */
        int savedInPrefix;
        final List<String> superseded;

        Progress(JobStore.Claimed job) {
            saved = job.saved();
            indexed = job.indexed();
            savedInPrefix = saved;
            superseded = new ArrayList<>(job.superseded());
        }
    }
}
