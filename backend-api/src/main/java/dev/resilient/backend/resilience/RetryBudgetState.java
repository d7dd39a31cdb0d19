package dev.resilient.backend.resilience;

/**
 * A {@link RetryBudget} at one moment, for the status endpoint and the retry gate's log: calls and
 * retries in the window, the retries it allows now, and how many it has refused.
 */
public record RetryBudgetState(long calls, long retries, long available, long denied) {
}
