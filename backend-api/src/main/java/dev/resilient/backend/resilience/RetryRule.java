package dev.resilient.backend.resilience;

import java.util.function.BooleanSupplier;

/**
 * The order in which a retry is refused, as {@link RetryGate} applies it, without its beans: an
 * open breaker first (the retry would only be rejected after its wait), then the request's deadline
 * (the wait and one more attempt must fit), then the downstream's retry budget, asked last because
 * asking spends a retry.
 */
enum RetryRule {
    /** The retry may happen. */
    ALLOWED,
    BREAKER_OPEN,
    DEADLINE,
    RETRY_BUDGET;

    /**
     * @param leftMs       time left to the request's deadline, or {@link Deadlines#NONE}
     * @param budgetAllows asked only when nothing else refuses; spends a retry when it allows one
     */
    static RetryRule decide(boolean breakerOpen, long leftMs, long delayMs, long minAttemptMs, BooleanSupplier budgetAllows) {
        if (breakerOpen) {
            return BREAKER_OPEN;
        }
        if (leftMs != Deadlines.NONE && leftMs < delayMs + minAttemptMs) {
            return DEADLINE;
        }
        return budgetAllows.getAsBoolean() ? ALLOWED : RETRY_BUDGET;
    }
}
