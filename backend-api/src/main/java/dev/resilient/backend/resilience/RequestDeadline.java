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
    private Deadline deadline;

    void start(String endpoint, Deadline deadline) {
        this.started = true;
        this.endpoint = endpoint;
        this.deadline = deadline;
    }

    boolean started() {
        return started;
    }

    String endpoint() {
        return endpoint;
    }

    Deadline deadline() {
        return deadline;
    }

    void deadline(Deadline deadline) {
        this.deadline = deadline;
    }
}
