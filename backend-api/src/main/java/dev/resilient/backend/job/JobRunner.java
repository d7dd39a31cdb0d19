package dev.resilient.backend.job;

import dev.resilient.backend.api.DocumentIn;
import dev.resilient.backend.config.JobsConfig;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.EffectivePolicy;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.PolicyRegistry;
import dev.resilient.backend.service.IndexingFailedException;
import dev.resilient.backend.service.IngestionService;
import dev.resilient.backend.service.LastGoodResults;
import dev.resilient.backend.resilience.Caller;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The ingestion worker: the Quarkus scheduler polls for due jobs, claims as many as there are
 * free workers ({@code backend.jobs.workers}) and runs each on the managed executor. A worker that
 * finishes a job claims the next due one at once, so a backlog drains at the speed of the
 * downstreams, not at one job per worker per poll interval; the poll only wakes idle workers.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final JobStore store;
    private final IngestionService ingestion;
    private final ManagedExecutor executor;
    private final JobsConfig config;
    private final LastGoodResults lastGood;
    private final PolicyRegistry policies;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;
    /** Who holds a lease: host and pid, plus a random part so a restarted process is someone new. */
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    JobRunner(JobStore store, IngestionService ingestion, ManagedExecutor executor, JobsConfig config,
            LastGoodResults lastGood, PolicyRegistry policies) {
        this.policies = policies;
        this.store = store;
        this.ingestion = ingestion;
        this.executor = executor;
        this.config = config;
        this.lastGood = lastGood;
    }

    @Scheduled(every = "${backend.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        int free = config.workers() - inFlight.get();
        if (!config.enabled() || stopping || free <= 0) {
            return;
        }
        for (String id : store.claim(worker, free)) {
            inFlight.incrementAndGet();
            executor.runAsync(() -> work(id)).whenComplete((v, e) -> {
                inFlight.decrementAndGet();
                if (e != null) {
                    LOG.errorf(e, "Worker ended unexpectedly; the lease of the job it held will expire and the job will run again");
                }
            });
        }
    }

    /** One worker slot: runs the claimed job, then the next due one it can claim, until none is due. */
    private void work(String first) {
        for (String id = first; id != null; id = next()) {
            run(id);
        }
    }

    /** The next due job for a worker that just finished one, or null (none due, shutting down, or the store failed). */
    private String next() {
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

    void run(String id) {
        JobStore.Claimed job = store.load(id, worker).orElse(null);
        if (job == null) {
            return;
        }
        LOG.infof("Job %s: attempt %d, %d documents%s", id, job.attempts(), job.documents().size(),
                job.indexed() > 0 ? ", resuming after the " + job.indexed() + " already indexed" : "");
        // An attempt resumes where the previous one stopped: what is indexed is not sent again,
        // so a flapping vector store gets fewer calls with every attempt, not the same number.
        int saved = job.saved();
        int indexed = job.indexed();
        int savedInPrefix = saved; // saves of the documents indexed so far: where the next attempt resumes
        Caller caller = Caller.background(job.namespace().user(), "ingestion");
        try {
            for (DocumentIn doc : job.documents().subList(indexed, job.documents().size())) {
                if (ingestion.save(caller, job.namespace(), doc)) {
                    saved++;
                }
                ingestion.index(caller, job.namespace(), doc);
                indexed++;
                savedInPrefix = saved;
                if (!store.progress(id, worker, saved, indexed)) {
                    LOG.warnf("Job %s: lease lost to another worker, stopping this run", id);
                    return;
                }
            }
            boolean gitFailed = !ingestion.snapshot(caller, job.namespace(), indexed);
            // Before the job reads as succeeded: whoever sees it done must not then be served a search
            // cached from the documents before it. Dropping them twice (a lost lease) costs one miss.
            lastGood.forget(job.namespace());
            if (store.succeed(id, worker, saved, indexed, gitFailed)) {
                LOG.infof("Job %s succeeded: saved %d, indexed %d, git_failed %s", id, saved, indexed, gitFailed);
            }
        } catch (IndexingFailedException e) {
            if (e.nothingReachedChroma()) {
                // Refused before any attempt (usually the open breaker the log line names, or a full
                // bulkhead): wait out the breaker's delay and keep the job's attempt. With no breaker (fault
                // tolerance switched off) it was the bulkhead: wait the first job backoff instead.
                long breakerDelay = policies.get(Downstream.CHROMA).breakerDelayMs();
                Duration wait = breakerDelay == EffectivePolicy.NONE ? config.backoffInitial() : Duration.ofMillis(breakerDelay);
                if (store.postpone(id, worker, savedInPrefix, indexed, e.getMessage(), wait)) {
                    LOG.infof("Job %s: vector store breaker open, postponed %d ms without using an attempt", id, wait.toMillis());
                }
                return;
            }
            failed(id, job, savedInPrefix, saved, indexed, e, e.refused());
        } catch (RuntimeException e) {
            failed(id, job, savedInPrefix, saved, indexed, e, false);
        }
    }

    /** @param forGood the failure would repeat (chroma refused the document): no attempt is left to it */
    private void failed(String id, JobStore.Claimed job, int savedInPrefix, int saved, int indexed, RuntimeException e,
            boolean forGood) {
        JobState next = store.fail(id, worker, savedInPrefix, saved, indexed, Failures.describe(e), forGood);
        LOG.warnf("Job %s attempt %d failed (%s): now %s", id, job.attempts(), e.getMessage(),
                next == null ? "held by another worker" : next.wire());
    }

    void releaseOnShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        int released = store.release(worker);
        if (released > 0) {
            LOG.infof("Returned %d running jobs to the queue", released);
        }
    }
}
