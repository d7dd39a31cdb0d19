package dev.resilient.backend.resilience;

import java.util.function.LongSupplier;

/**
 * One downstream's retry budget, as Finagle's {@code RetryBudget} and Envoy's retry budgets work:
 * over a sliding window, retries may be at most {@code ratio} of the calls plus a floor of
 * {@code minPerSecond} per second of the window. During an outage every call fails, so retries
 * add at most {@code ratio} to the load instead of multiplying it by the attempts; a quiet service
 * still gets its floor. Counted in one-second buckets; synchronized because the sums are read and
 * written together and a call is far slower than the lock.
 */
public final class RetryBudget {

    private final double ratio;
    private final double minPerSecond;
    private final int seconds;
    private final LongSupplier clockMs;
    private final long[] second;
    private final long[] calls;
    private final long[] retries;
    private long denied;

    public RetryBudget(double ratio, double minPerSecond, int windowSeconds, LongSupplier clockMs) {
        if (ratio < 0 || minPerSecond < 0 || windowSeconds < 1) {
            throw new IllegalArgumentException("retry budget needs ratio >= 0, min-per-second >= 0 and a window of at least 1 s");
        }
        this.ratio = ratio;
        this.minPerSecond = minPerSecond;
        this.seconds = windowSeconds;
        this.clockMs = clockMs;
        this.second = new long[windowSeconds];
        this.calls = new long[windowSeconds];
        this.retries = new long[windowSeconds];
    }

    /** Counts a call's first attempt: it earns {@code ratio} of a retry. */
    public synchronized void recordCall() {
        calls[bucket()]++;
    }

    /** Takes one retry from the budget; false (and counted as denied) when none is left. */
    public synchronized boolean tryRetry() {
        int b = bucket();
        if (available() < 1) {
            denied++;
            return false;
        }
        retries[b]++;
        return true;
    }

    /** Counts a retry made while budgets are off, so the figures stay comparable. */
    public synchronized void recordRetry() {
        retries[bucket()]++;
    }

    public synchronized RetryBudgetState snapshot() {
        bucket();
        return new RetryBudgetState(sum(calls), sum(retries), Math.max(0, available()), denied);
    }

    private long available() {
        return (long) Math.floor(sum(calls) * ratio + minPerSecond * seconds) - sum(retries);
    }

    private long sum(long[] counts) {
        long now = clockMs.getAsLong() / 1000;
        long total = 0;
        for (int i = 0; i < seconds; i++) {
            if (now - second[i] < seconds) {
                total += counts[i];
            }
        }
        return total;
    }

    /** The bucket of the current second, emptied when it last held an older second. */
    private int bucket() {
        long now = clockMs.getAsLong() / 1000;
        int i = (int) (now % seconds);
        if (second[i] != now) {
            second[i] = now;
            calls[i] = 0;
            retries[i] = 0;
        }
        return i;
    }
}
