package dev.resilient.backend.job;

import dev.resilient.backend.config.JobsConfig;
import dev.resilient.backend.resilience.Failures;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * The queue's workers (seed 004's {@code queue.start()}): the Quarkus scheduler polls every named queue this
 * process serves for due jobs, claims as many as the queue has free workers ({@code backend.jobs.queues.<name>.workers})
 * and runs each on the managed executor with its type's {@link JobHandler}, then records the handler's
 * {@link JobResult}. A worker that finishes a job claims the next due one of its queue at once, so a backlog
 * drains at the speed of the downstreams, not at one job per worker per poll interval; the poll only wakes idle workers.
 * <p>
 * A heartbeat renews the lease of every run in progress, so a step may take longer than a lease
 * (a hanging downstream) and the job still runs once; a run whose lease was taken over sees {@link JobRun#lost()},
 * and the store refuses its writes. At an orderly shutdown handlers see {@link JobRun#stopping()} (ingestion
 * hands its job back between two documents); a run still in a step when the grace period ends keeps its
 * lease, so nobody else starts the job before the lease expires.
 */
@Startup // checks its lease and queue settings at start, not at the first poll
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
    private final JobQueues queues;
    private final ManagedExecutor executor;
    private final JobsConfig config;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    /** Who holds a lease: host and pid, plus a random part so a restarted process is someone new. */
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    /** @throws IllegalStateException at start when the lease is shorter than three heartbeats */
    JobRunner(JobStore store, DocumentVersions versions, JobQueues queues, ManagedExecutor executor, JobsConfig config) {
        Duration heartbeat = DurationConverter.parseDuration(config.heartbeat());
        if (config.lease().compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalStateException("backend.jobs.lease (" + config.lease() + ") must be at least three "
                    + "heartbeats (backend.jobs.heartbeat " + heartbeat + "), so one late heartbeat never loses a lease");
        }
        this.store = store;
        this.versions = versions;
        this.queues = queues;
        this.executor = executor;
        this.config = config;
        for (String queue : queues.served()) {
            inFlight.put(queue, new AtomicInteger());
            LOG.infof("Job queue %s: %s", queue, queues.settings(queue));
        }
    }

    @Scheduled(every = "${backend.jobs.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (!config.enabled() || stopping) {
            return;
        }
        store.failAbandoned();
        inFlight.forEach((queue, busy) -> {
            int free = queues.settings(queue).workers() - busy.get();
            if (free <= 0) {
                return;
            }
            for (JobStore.Lease lease : store.claim(worker, queue, free)) {
                busy.incrementAndGet();
                executor.runAsync(() -> work(queue, lease)).whenComplete((v, e) -> {
                    busy.decrementAndGet();
                    if (e != null) {
                        LOG.errorf(e, "Worker ended unexpectedly; the lease of the job it held will expire and the job will run again");
                    }
                });
            }
        });
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

    /** One worker slot of {@code queue}: runs the claimed job, then the next due one it can claim, until none is due. */
    private void work(String queue, JobStore.Lease first) {
        for (JobStore.Lease lease = first; lease != null; lease = next(queue)) {
            Run run = new Run(lease);
            runs.put(lease.jobId(), run);
            try {
                run(run);
            } finally {
                runs.remove(lease.jobId(), run);
            }
        }
    }

    /** The next due job of {@code queue} for a worker that just finished one, or null (none due, shutting down, or the store failed). */
    private JobStore.Lease next(String queue) {
        if (stopping) {
            return null;
        }
        try {
            return store.claim(worker, queue, 1).stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim the next job (%s); the next poll tries again", e.getMessage());
            return null;
        }
    }

    private void run(Run run) {
        JobStore.ClaimedJob job = store.load(run.lease).orElse(null);
        if (job == null) {
            return;
        }
        JobHandler handler = queues.handler(job.type()).orElse(null);
        if (handler == null) {
            // Only a process that runs this queue claims the job, and the queue comes from the handlers: a type
            // whose handler went away (renamed, removed) would fail the same way in every run.
            record(job, JobResult.failed("no handler is registered for job type '" + job.type() + "'"));
            return;
        }
        JobResult result;
        try {
            result = handler.handle(new JobRun(job, () -> run.lost, () -> stopping));
        } catch (RuntimeException e) {
            result = JobResult.retry(Failures.describe(e));
        }
        record(job, result);
    }

    private void record(JobStore.ClaimedJob job, JobResult result) {
        String id = job.lease().jobId();
        switch (result.outcome()) {
            case DONE -> {
                if (store.succeed(job.lease())) {
                    LOG.infof("Job %s (%s) succeeded at attempt %d", id, job.type(), job.attempts());
                }
            }
            case RETRY, FAILED -> {
                JobState next = store.fail(job.lease(), result.reason(), result.outcome() == JobResult.Outcome.FAILED);
                LOG.warnf("Job %s (%s) attempt %d of %d did not succeed (%s): now %s", id, job.type(), job.attempts(),
                        job.maxAttempts(), result.reason(), next == null ? "held by another run" : next.wire());
            }
            case RECORDED -> {
                // the handler wrote the job's state itself
            }
        }
    }

    /**
     * Stops claiming, then waits up to {@code backend.jobs.shutdown-grace} for the runs in progress to hand
     * their jobs back (ingestion does between two documents) or finish.
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
}
