package dev.resilient.backend.resilience;

/** A downstream answered 5xx: retried, and counted by its circuit breaker. */
public class DownstreamServerError extends DownstreamException {

    public DownstreamServerError(int status, String error, String body) {
        super(status, error, body);
    }
}
