package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The persistent job queue (keys {@code backend.jobs.*}, env {@code BACKEND_JOBS_*}). {@code workers},
 * {@code max-attempts} and the {@code backoff-*} keys are every named queue's defaults; a queue's own
 * {@code backend.jobs.queues.<name>.*} keys override them for that queue alone.
 */
@ConfigMapping(prefix = "backend.jobs")
public interface JobsConfig {

    /** Jobs of one queue one backend process runs at once (each queue has a bounded worker pool of its own). */
    @WithDefault("4")
    int workers();

    /** How often a process looks for jobs to claim ({@code backend.jobs.poll-interval}, a scheduler expression). */
    @WithDefault("1s")
    String pollInterval();

    /** Runs of a job before it fails for good (every queue's default). */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; multiplied by {@link #backoffFactor()} for each further one, up to {@link #backoffMax()}. */
    @WithDefault("PT2S")
    Duration backoffInitial();

    /** How much longer each retry waits than the one before (seed 004's {@code backoff_factor}); at least 1. */
    @WithDefault("2")
    double backoffFactor();

    /** The longest wait between two runs of a job (every queue's default). */
    @WithDefault("PT5M")
    Duration backoffMax();

    /**
     * How long a claim holds without renewal; a job of a dead process is taken up again after it. The
     * heartbeat renews it while a run goes on, so it bounds how long a dead process' jobs wait, not how
     * long a step may take; at least three heartbeats.
     */
    @WithDefault("PT60S")
    Duration lease();

    /** How often a process renews the leases of its runs in progress (a scheduler expression). */
    @WithDefault("15s")
    String heartbeat();

    /**
     * How long an orderly shutdown waits for runs in progress to hand their jobs back between two
     * documents; a run still in a step after it keeps its lease (the job is taken up when it expires).
     */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /**
     * How often a process counts the waiting jobs for the {@code jobs_backlog} gauges (a scheduler
     * expression): one grouped query per period, however often the metrics are scraped.
     */
    @WithDefault("10s")
    String backlogRefresh();

    /** How long a submission's {@code Idempotency-Key} is kept: a repeat within it returns the first job. */
    @WithDefault("PT24H")
    Duration idempotencyWindow();

    /** Whether this process runs jobs at all (a process can serve the API only). */
    @WithDefault("true")
    boolean enabled();

    /** Named queues' own settings, by queue name (e.g. {@code backend.jobs.queues.analysis.workers=2}). */
    Map<String, Queue> queues();

    /** One queue's settings; each one left out is the top-level key of the same name. */
    interface Queue {
        /** Jobs of this queue one process runs at once (seed 004's {@code max_workers}). */
        OptionalInt workers();

        /** Runs of a job of this queue before it fails for good (seed 004's {@code max_retries}, plus the first run). */
        OptionalInt maxAttempts();

        /** Wait before this queue's first retry. */
        Optional<Duration> backoffInitial();

        /** This queue's growth of the wait from one retry to the next (seed 004's {@code backoff_factor}). */
        Optional<Double> backoffFactor();

        /** The longest wait between two runs of a job of this queue. */
        Optional<Duration> backoffMax();
    }
}
