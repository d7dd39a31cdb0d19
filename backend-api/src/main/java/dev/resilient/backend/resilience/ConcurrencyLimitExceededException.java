package dev.resilient.backend.resilience;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * A call refused at once because its downstream's adaptive concurrency limit of calls is in flight.
 * A {@link BulkheadException}, as a full bulkhead's refusal is, so every rule for one holds for the
 * other: nothing was sent, it is not retried, it says nothing against the service, and the caller's
 * fallback answers.
 */
public class ConcurrencyLimitExceededException extends BulkheadException {

    private final int limit;

    public ConcurrencyLimitExceededException(Downstream downstream, int limit) {
        super("not called: " + downstream.key() + "'s concurrency limit of " + limit + " calls in flight is reached");
        this.limit = limit;
    }

    /** The limit that was reached. */
    public int limit() {
        return limit;
    }
}
