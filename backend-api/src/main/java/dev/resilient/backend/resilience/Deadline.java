package dev.resilient.backend.resilience;

import java.time.Duration;

/**
 * A point in monotonic time ({@link TimeSource#nanoTime()}) by which an answer is due, and the
 * arithmetic every budget decision makes with it. A value: the caller passes "now", so the same
 * code runs on the real clock and on a fake one.
 */
public record Deadline(long atNanos) {

    /** No deadline: a background job, or budgets switched off. Every policy timeout applies unchanged. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    /** What {@link #remainingMs} says when there is no deadline. */
    public static final long UNLIMITED_MS = Long.MAX_VALUE;

    /** {@code budgetMs} from {@code nowNanos}. */
    public static Deadline in(long nowNanos, long budgetMs) {
        return new Deadline(nowNanos + budgetMs * 1_000_000);
    }

    public boolean isNone() {
        return atNanos == Long.MAX_VALUE;
    }

    /** Milliseconds left at {@code nowNanos}; negative once passed; {@link #UNLIMITED_MS} without a deadline. */
    public long remainingMs(long nowNanos) {
        return isNone() ? UNLIMITED_MS : (atNanos - nowNanos) / 1_000_000;
    }

    /** At most {@code share} of the time left at {@code nowNanos}: the rest is kept for a fallback. */
    public Deadline share(long nowNanos, double share) {
        if (isNone()) {
            return this;
        }
        long left = atNanos - nowNanos;
        return left <= 0 ? this : new Deadline(nowNanos + (long) (left * share));
    }

    /** At most {@code max} from {@code nowNanos}, and never later than this deadline. */
    public Deadline atMost(long nowNanos, Duration max) {
        if (isNone()) {
            return this; // without a deadline nothing is narrowed: the policy timeouts apply
        }
        return new Deadline(Math.min(atNanos, nowNanos + max.toNanos()));
    }

    /** Whether a wait of {@code delayMs} and then an attempt of at least {@code minAttemptMs} still fit. */
    public boolean fits(long nowNanos, long delayMs, long minAttemptMs) {
        return remainingMs(nowNanos) >= delayMs + minAttemptMs;
    }
}
