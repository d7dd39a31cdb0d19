package dev.resilient.backend.job;

import java.time.Duration;
import java.time.Instant;

/**
 * The jobs waiting to run, as {@link JobStore#backlog()} last counted them: {@code queued} (never run, or
 * handed back), {@code retrying} (waiting for their next attempt) and when the oldest of them was submitted
 * ({@code null} when none waits). A backlog that only grows older means the jobs are not getting done.
 */
public record JobBacklog(long queued, long retrying, Instant oldestSubmitted) {

    public static final JobBacklog EMPTY = new JobBacklog(0, 0, null);

    /** How long the oldest waiting job has waited at {@code now}, in seconds; 0 when none waits. */
    public double oldestAgeSeconds(Instant now) {
        if (oldestSubmitted == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldestSubmitted, now).toMillis() / 1000.0);
    }
}
