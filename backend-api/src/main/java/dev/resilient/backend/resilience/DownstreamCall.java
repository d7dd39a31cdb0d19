package dev.resilient.backend.resilience;

import java.util.function.Supplier;

/**
 * One logical call to a downstream, kept across its retries so that every attempt can be
 * numbered in the log and the same request (same body, same Idempotency-Key) is sent each time.
 */
public final class DownstreamCall<T> {

    private final String operation;
    private final Supplier<T> action;
    private int attempts;

    private DownstreamCall(String operation, Supplier<T> action) {
        this.operation = operation;
        this.action = action;
    }

    /** @param operation what is called, for the log, e.g. {@code POST /query} */
    public static <T> DownstreamCall<T> of(String operation, Supplier<T> action) {
        return new DownstreamCall<>(operation, action);
    }

    public String operation() {
        return operation;
    }

    /** Attempts started so far. */
    public int attempts() {
        return attempts;
    }

    int startAttempt() {
        return ++attempts;
    }

    T run() {
        return action.get();
    }
}
