package dev.resilient.backend.job;

/**
 * The work of one job type (seed 004's {@code register_handler(job_type, handler)}): every CDI bean
 * implementing it is registered at start, for its {@link #type()}, on its {@link #queue()}. The runner calls
 * {@link #handle} on one of the queue's workers for each claimed job of the type.
 */
public interface JobHandler {

    /** The job type this handler runs, e.g. {@code ingestion}; unique among the handlers. */
    String type();

    /** The named queue whose workers, attempts and backoff its jobs use ({@code backend.jobs.queues.<name>.*}). */
    default String queue() {
        return JobQueues.DEFAULT;
    }

    /**
     * Runs one attempt of a claimed job. An exception thrown here counts as {@link JobResult#retry}: the job
     * runs again after the queue's backoff while it has attempts left, then fails with the exception's
     * description as its {@code last_error}.
     *
     * @return what became of the job: done, to be retried (seed 004's {@code return False}), failed for
     *         good, or already recorded by the handler itself
     */
    JobResult handle(JobRun run);
}
