package dev.resilient.backend.resilience;

import jakarta.enterprise.context.RequestScoped;

/**
 * The deadline of the user request being served, set when the request arrives ({@code rest}
 * package's {@code DeadlineFilter}) and narrowed for the steps that must leave time for a
 * fallback. Read through {@link Deadlines}; a request runs on one thread at a time, so plain
 * fields are enough.
 */
@RequestScoped
public class RequestDeadline {

    private boolean started;
    private String endpoint;
    private long deadlineNanos;

    void start(String endpoint, long budgetMs) {
        this.started = true;
        this.endpoint = endpoint;
        this.deadlineNanos = System.nanoTime() + budgetMs * 1_000_000;
    }

    boolean started() {
        return started;
    }

    String endpoint() {
        return endpoint;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    void deadlineNanos(long nanos) {
        this.deadlineNanos = nanos;
    }
}
