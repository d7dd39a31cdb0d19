package dev.resilient.backend.job;

import java.util.function.BooleanSupplier;

/**
 * One run of a claimed job, as its handler sees it: the claim, the job, and two signals the handler
 * checks between its steps: {@link #lost()} (the heartbeat found the lease taken over: stop, write nothing)
 * and {@link #stopping()} (the process is shutting down: hand the job back if it can).
 */
public final class JobRun {

    private final JobStore.ClaimedJob job;
    private final BooleanSupplier lost;
    private final BooleanSupplier stopping;

    JobRun(JobStore.ClaimedJob job, BooleanSupplier lost, BooleanSupplier stopping) {
        this.job = job;
        this.lost = lost;
        this.stopping = stopping;
    }

    /** The claimed job: id, owner and project, type, queue, attempts and payload. */
    public JobStore.ClaimedJob job() {
        return job;
    }

    /** The claim: every write of this run names its token. */
    public JobStore.Lease lease() {
        return job.lease();
    }

    /** True once the heartbeat found this run's lease taken over by another run. */
    public boolean lost() {
        return lost.getAsBoolean();
    }

    /** True once this process has begun an orderly shutdown. */
    public boolean stopping() {
        return stopping.getAsBoolean();
    }
}
