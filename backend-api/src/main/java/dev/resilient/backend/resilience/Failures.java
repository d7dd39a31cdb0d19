package dev.resilient.backend.resilience;

import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** Short, token-free descriptions of why a downstream call failed, for logs and status. */
public final class Failures {

    private Failures() {
    }

    public static String describe(Throwable e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "circuit breaker open";
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException || e instanceof TimeoutException) {
            return "timed out";
        }
        if (e instanceof BulkheadException) {
            return "too many concurrent calls (bulkhead full)";
        }
        if (e instanceof BudgetException) {
            return e.getMessage();
        }
        if (e instanceof DownstreamException de) {
            return de.getMessage();
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
                    + (root.getMessage() == null ? "" : " " + root.getMessage());
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
