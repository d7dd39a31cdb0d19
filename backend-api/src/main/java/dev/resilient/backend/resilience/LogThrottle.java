package dev.resilient.backend.resilience;

import java.util.function.LongSupplier;

/**
 * At most one log line per interval for an event that can repeat thousands of times a second (an
 * open breaker rejecting every call under load); the next line written says how many were left out.
 * Our own because JBoss Logging has no rate-limited logger and a filter on the handler would drop
 * the count of what it suppressed.
 */
public final class LogThrottle {

    /** Returned by {@link #admit()} when this occurrence is not to be logged. */
    public static final long SUPPRESSED = -1;

    private final long intervalMs;
    private final LongSupplier clockMs;
    private long lastWrittenMs;
    private boolean written;
    private long suppressed;

    public LogThrottle(long intervalMs, LongSupplier clockMs) {
        this.intervalMs = intervalMs;
        this.clockMs = clockMs;
    }

    /**
     * One more occurrence: {@link #SUPPRESSED}, or the number of occurrences left out since the last
     * line written (0 for the first), when this one is to be logged.
     */
    public synchronized long admit() {
        long now = clockMs.getAsLong();
        if (written && now - lastWrittenMs < intervalMs) {
            suppressed++;
            return SUPPRESSED;
        }
        long left = suppressed;
        written = true;
        lastWrittenMs = now;
        suppressed = 0;
        return left;
    }

    /** Starts afresh: the next occurrence is written at once. */
    public synchronized void reset() {
        written = false;
        suppressed = 0;
    }
}
