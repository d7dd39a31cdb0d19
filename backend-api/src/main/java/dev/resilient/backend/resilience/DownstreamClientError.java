package dev.resilient.backend.resilience;

/**
 * A downstream answered 4xx: our request was wrong or refused. It is neither retried nor
 * counted as a breaker failure (the service is up); callers decide what it means.
 */
public class DownstreamClientError extends DownstreamException {

    public DownstreamClientError(int status, String error, String body) {
        super(status, error, body);
    }
}
