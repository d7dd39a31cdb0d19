package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Billing's policy (DESIGN.md): 2 attempts, 1 s backoff; 5 s per attempt; opens after 10 failures for 30 s. Fail closed: callers answer 503. Deductions are only retried because each carries one Idempotency-Key for all its attempts.
 * See {@link DownstreamGuard} for the rules every guard follows.
 */
@ApplicationScoped
public class BillingGuard implements DownstreamGuard {

    private final CallRecorder recorder;

    BillingGuard(CallRecorder recorder) {
        this.recorder = recorder;
    }

    @Budgeted
    @Retry(maxRetries = 1, delay = 1000, jitter = 0,
            abortOn = {CircuitBreakerOpenException.class, DownstreamClientError.class, BulkheadException.class,
                    BudgetException.class})
    @CustomBackoff(DoublingBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 1.0, delay = 30000, successThreshold = 1,
            skipOn = {DownstreamClientError.class, BulkheadException.class, CallerDeadlineException.class})
    @CircuitBreakerName("billing")
    @Timeout(5000)
    // Kept as the ceiling of the adaptive concurrency limit (ConcurrencyLimits: max-limits.billing, 32: why in
    // application.properties) and the bound while it is off.
    @Bulkhead(32)
    @Override
    public <T> T call(DownstreamCall<T> call) {
        return recorder.attempt(call);
    }

    @Override
    public Downstream downstream() {
        return Downstream.BILLING;
    }
}
