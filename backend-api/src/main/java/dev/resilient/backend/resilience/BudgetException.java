package dev.resilient.backend.resilience;

/**
 * A downstream call stopped by a budget rather than by the service: the user request's deadline
 * or the downstream's retry budget. Never retried; the caller's fallback answers instead.
 */
public abstract class BudgetException extends RuntimeException {

    protected BudgetException(String message, Throwable cause) {
        super(message, cause);
    }
}
