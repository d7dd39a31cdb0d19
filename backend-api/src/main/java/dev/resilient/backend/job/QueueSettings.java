package dev.resilient.backend.job;

import java.time.Duration;

/**
 * One named queue's settings, as {@link JobQueues} resolved them: its worker count, how many runs a job
 * gets and how long a job waits between two of them (seed 004's {@code max_workers}, {@code max_retries}
 * and {@code backoff_factor}).
 *
 * @param workers        jobs of this queue one process runs at once
 * @param maxAttempts    runs of a job before it fails for good
 * @param backoffInitial wait after the first failed run
 * @param backoffFactor  each further wait is this many times the one before
 * @param backoffMax     no wait is longer
 */
public record QueueSettings(String name, int workers, int maxAttempts, Duration backoffInitial, double backoffFactor,
        Duration backoffMax) {

    /**
     * @throws IllegalStateException naming the queue's keys when a value cannot work: fewer than 0 workers,
     *         fewer than 1 attempt, a factor below 1, a negative wait or a maximum below the first wait
     */
    public QueueSettings {
        String keys = "backend.jobs.queues." + name + ".";
        if (workers < 0) {
            throw new IllegalStateException(keys + "workers must be 0 or more, not " + workers);
        }
        if (maxAttempts < 1) {
            throw new IllegalStateException(keys + "max-attempts must be at least 1, not " + maxAttempts);
        }
        if (!(backoffFactor >= 1) || Double.isInfinite(backoffFactor)) {
            throw new IllegalStateException(keys + "backoff-factor must be a number of at least 1, not " + backoffFactor);
        }
        if (backoffInitial.isNegative() || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalStateException(keys + "backoff-initial (" + backoffInitial + ") must be 0 or more and at most "
                    + keys + "backoff-max (" + backoffMax + ")");
        }
    }

    /**
     * The wait after a job's {@code attempts}-th run failed: {@code backoffInitial * backoffFactor^(attempts - 1)},
     * at most {@code backoffMax}. Never fails; an attempt count below 1 is read as 1.
     */
    public Duration backoff(int attempts) {
        double millis = backoffInitial.toMillis() * Math.pow(backoffFactor, Math.max(attempts, 1) - 1);
        return millis >= backoffMax.toMillis() ? backoffMax : Duration.ofMillis(Math.round(millis));
    }
}
