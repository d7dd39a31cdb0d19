package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The ingestion job queue (keys {@code backend.jobs.*}, env {@code BACKEND_JOBS_*}). */
@ConfigMapping(prefix = "backend.jobs")
public interface JobsConfig {

    /** Jobs one backend process runs at once (the bounded worker pool). */
    @WithDefault("4")
    int workers();

    /** How often a process looks for jobs to claim ({@code backend.jobs.poll-interval}, a scheduler expression). */
    @WithDefault("1s")
    String pollInterval();

    /** Runs of a job before it fails for good. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; doubled for each further one, up to {@link #backoffMax()}. */
    @WithDefault("PT2S")
    Duration backoffInitial();

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
}
