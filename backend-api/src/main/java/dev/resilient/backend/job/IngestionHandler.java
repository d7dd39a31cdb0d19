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
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The {@code ingestion} job type, on the default queue: saves each document (best effort), indexes it
 * (critical) and takes a git snapshot (nice to have). An attempt resumes after the documents earlier ones
 * handled; a document a newer submission superseded is skipped; a document another run is writing, or
 * chroma's open breaker (before the first try or before a retry), postpones the job without using an attempt; a shutdown hands the job back between
 * two documents. It records every outcome itself (its counts are columns of the job), so it answers
 * {@link JobResult#recorded()}.
 */
@ApplicationScoped
public class IngestionHandler implements JobHandler {

    private static final Logger LOG = Logger.getLogger(IngestionHandler.class);

    private final JobStore store;
    private final DocumentVersions versions;
    private final IngestionService ingestion;
    private final JobQueues queues;
    private final JobsConfig config;
    private final LastGoodResults lastGood;
    private final PolicyRegistry policies;

    IngestionHandler(JobStore store, DocumentVersions versions, IngestionService ingestion, JobQueues queues,
            JobsConfig config, LastGoodResults lastGood, PolicyRegistry policies) {
        this.store = store;
        this.versions = versions;
        this.ingestion = ingestion;
        this.queues = queues;
        this.config = config;
        this.lastGood = lastGood;
        this.policies = policies;
    }

    @Override
    public String type() {
        return JobStore.INGESTION;
    }

    /** Never throws: every failure is recorded on the job (retrying, failed, postponed), or the lease was lost. */
    @Override
    public JobResult handle(JobRun run) {
        String id = run.lease().jobId();
        JobStore.Claimed job = store.loadIngestion(run.lease()).orElse(null);
        if (job == null) {
            return JobResult.recorded();
        }
        Duration firstBackoff = queues.settings(run.job().queue()).backoffInitial();
        LOG.infof("Job %s: attempt %d, %d documents%s", id, job.attempts(), job.documents().size(),
                job.indexed() > 0 ? ", resuming after the " + job.indexed() + " already handled" : "");
        // An attempt resumes where the previous one stopped: what is indexed is not sent again,
        // so a flapping vector store gets fewer calls with every attempt, not the same number.
        Progress p = new Progress(job);
        Caller caller = Caller.background(job.namespace().user(), "ingestion");
        try {
            for (JobStore.Versioned doc : job.documents().subList(job.indexed(), job.documents().size())) {
                if (stopped(run, p)) {
                    return JobResult.recorded();
                }
                DocumentVersions.Write write = versions.acquire(job.namespace(), doc.document().id(), doc.version(),
                        run.lease().token(), Instant.now().plus(config.lease()));
                if (write == DocumentVersions.Write.BUSY) {
                    postpone(run, p, "document " + doc.document().id() + " is being written by another job; waiting for it",
                            firstBackoff);
                    return JobResult.recorded();
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
                        versions.release(job.namespace(), doc.document().id(), run.lease().token());
                    }
                }
                p.indexed++;
                p.savedInPrefix = p.saved;
                if (!store.progress(run.lease(), p.saved, p.indexed, p.superseded)) {
                    LOG.warnf("Job %s: lease lost to another run, stopping this one", id);
                    return JobResult.recorded();
                }
            }
            if (run.lost()) {
                LOG.warnf("Job %s: lease lost to another run before the snapshot, stopping this one", id);
                return JobResult.recorded();
            }
            boolean gitFailed = !ingestion.snapshot(caller, id, job.namespace(), p.indexed);
            // Before the job reads as succeeded: whoever sees it done must not then be served a search
            // cached from the documents before it. Dropping them twice (a lost lease) costs one miss.
            lastGood.forget(job.namespace());
            if (store.succeed(run.lease(), p.saved, p.indexed, gitFailed)) {
                LOG.infof("Job %s succeeded: saved %d, indexed %d, superseded %d, git_failed %s", id, p.saved, p.indexed,
                        p.superseded.size(), gitFailed);
            }
        } catch (IndexingFailedException e) {
            if (e.waitForBreaker()) {
                // Refused by the guard (the open breaker the log line names, or a full bulkhead): wait out
                // the breaker's delay and keep the job's attempt. With no breaker (fault tolerance switched
                // off) it was the bulkhead: wait the queue's first backoff instead.
                long breakerDelay = policies.get(Downstream.CHROMA).breakerDelayMs();
                postpone(run, p, e.getMessage(),
                        breakerDelay == EffectivePolicy.NONE ? firstBackoff : Duration.ofMillis(breakerDelay));
                return JobResult.recorded();
            }
            failed(run, job, p, e, e.refused());
        } catch (RuntimeException e) {
            failed(run, job, p, e, false);
        }
        return JobResult.recorded();
    }

    /** True when this run must end before its next document: its lease was taken over, or the process is stopping. */
    private boolean stopped(JobRun run, Progress p) {
        if (run.lost()) {
            LOG.warnf("Job %s: lease lost to another run, stopping this one", run.lease().jobId());
            return true;
        }
        if (run.stopping()) {
            if (store.handBack(run.lease(), p.savedInPrefix, p.indexed, p.superseded)) {
                LOG.infof("Job %s handed back to the queue after %d documents (shutting down)", run.lease().jobId(), p.indexed);
            }
            return true;
        }
        return false;
    }

    private void postpone(JobRun run, Progress p, String reason, Duration wait) {
        if (store.postpone(run.lease(), p.savedInPrefix, p.indexed, p.superseded, reason, wait)) {
            LOG.infof("Job %s postponed %d ms without using an attempt: %s", run.lease().jobId(), wait.toMillis(), reason);
        }
    }

    /** @param forGood the failure would repeat (chroma refused the document): no attempt is left to it */
    private void failed(JobRun run, JobStore.Claimed job, Progress p, RuntimeException e, boolean forGood) {
        JobState next = store.fail(run.lease(), p.savedInPrefix, p.saved, p.indexed, Failures.describe(e), forGood);
        LOG.warnf("Job %s attempt %d failed (%s): now %s", run.lease().jobId(), job.attempts(), e.getMessage(),
                next == null ? "held by another run" : next.wire());
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
