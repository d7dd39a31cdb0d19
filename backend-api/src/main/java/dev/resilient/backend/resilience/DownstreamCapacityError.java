package dev.resilient.backend.resilience;

/**
 * A downstream refused for capacity or quota: 507 (its store is full), 413 (too large), 429 (too
 * many requests). The service is up and said what it cannot take, so, like any 4xx, this is neither
 * retried nor a breaker failure; it is permanent for the request that caused it, and the caller
 * passes it on to that user rather than to everyone (a job fails at once with it).
 */
public class DownstreamCapacityError extends DownstreamClientError {

    public DownstreamCapacityError(int status, String error, String body) {
        super(status, error, body);
    }

    /** Whether {@code status} is a capacity or quota answer. */
    public static boolean isCapacity(int status) {
        return status == 507 || status == 413 || status == 429;
    }
}
