package dev.resilient.backend.resilience;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Short, token-free descriptions of why a downstream call failed: {@link #describe} for the logs,
 * {@link #summary} for the public status, which holds no user's data.
 */
public final class Failures {

    private Failures() {
    }

    /** For the logs: the kind of failure with the downstream's own words. */
    public static String describe(Throwable e) {
        return kind(e, true);
    }

    /**
     * For {@code /v1/api/status/services}, which anyone may read: the kind of failure only. A
     * downstream's error text can name a tenant's collection or project, and an I/O message a host.
     */
    public static String summary(Throwable e) {
        return kind(e, false);
    }

    private static String kind(Throwable e, boolean detail) {
        if (e instanceof CircuitBreakerOpenException) {
            return "circuit breaker open";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException || e instanceof TimeoutException) {
            return "timed out";
        }
        if (e instanceof ConcurrencyLimitExceededException c) {
            return "concurrency limit reached (" + c.limit() + " in flight)";
        }
        if (e instanceof BulkheadException) {
            return "too many concurrent calls (bulkhead full)";
        }
        if (e instanceof BudgetException) {
            return e.getMessage();
        }
        if (e instanceof DownstreamException de) {
            return detail ? de.getMessage() : "HTTP " + de.status();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
            return "timed out"; // only @Timeout interrupts a guarded call
        }
        if (e instanceof ProcessingException || root instanceof java.io.IOException) {
            return "connection failed: " + root.getClass().getSimpleName()
                    + (!detail || root.getMessage() == null ? "" : " " + root.getMessage());
        }
        return e.getClass().getSimpleName() + (!detail || e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
