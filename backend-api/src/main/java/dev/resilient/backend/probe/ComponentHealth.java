package dev.resilient.backend.probe;

import java.time.Instant;

/**
 * One dependency as its latest active check found it.
 *
 * @param status    {@code up}, {@code down}, or {@code unknown} (not checked yet, or checks are off)
 * @param detail    how it answered ("answered in 3 ms", "connection refused", "GET /health answered 503")
 * @param latencyMs how long the check took; null when unknown
 * @param checkedAt when the check ended; null when unknown
 */
public record ComponentHealth(String status, String detail, Long latencyMs, Instant checkedAt) {

    public static final String UP = "up";
    public static final String DOWN = "down";
    public static final String UNKNOWN = "unknown";

    public boolean down() {
        return DOWN.equals(status);
    }
}
