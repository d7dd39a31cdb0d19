package dev.resilient.backend.job;

/**
 * What one run of a job came to, as its {@link JobHandler} answers it; the runner records it.
 *
 * @param reason why the job is retried or failed (its {@code last_error}); null when done
 */
public record JobResult(Outcome outcome, String reason) {

    /** The end of one run. */
    public enum Outcome {
        /** The work is done: the job succeeds. */
        DONE,
        /** Not done this time (seed 004's handler answering {@code False}): run again after the queue's backoff. */
        RETRY,
        /** Not done, and another run would only fail the same way: the job fails now. */
        FAILED,
        /** The handler recorded the job's state itself (ingestion: its counts, a postponement, a hand-back). */
        RECORDED
    }

    /** The job succeeds. */
    public static JobResult done() {
        return new JobResult(Outcome.DONE, null);
    }

    /** The job runs again after the queue's backoff, or fails with {@code reason} once it has no attempt left. */
    public static JobResult retry(String reason) {
        return new JobResult(Outcome.RETRY, reason);
    }

    /** The job fails at once with {@code reason}, whatever attempts it has left. */
    public static JobResult failed(String reason) {
        return new JobResult(Outcome.FAILED, reason);
    }

    /** The handler already wrote the job's new state through {@link JobStore}: the runner writes nothing. */
    public static JobResult recorded() {
        return new JobResult(Outcome.RECORDED, null);
    }
}
