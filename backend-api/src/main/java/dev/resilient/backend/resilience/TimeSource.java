package dev.resilient.backend.resilience;

/**
 * The one clock of the resilience core: request deadlines, retry budgets and the log throttle read
 * time only through it, so their logic runs on a fake clock in plain unit tests. Monotonic, like
 * {@link System#nanoTime()}: wall-clock jumps move no deadline.
 */
@FunctionalInterface
public interface TimeSource {

    /** Nanoseconds from an arbitrary origin; only differences mean anything. */
    long nanoTime();

    /** Milliseconds from the same origin. */
    default long millis() {
        return nanoTime() / 1_000_000;
    }
}
