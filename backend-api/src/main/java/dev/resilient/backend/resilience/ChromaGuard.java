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
 * Chroma's policy (DESIGN.md): 3 attempts with 1 s, 2 s backoff; 15 s per attempt; opens after 5 failures for 60 s. Fail open: callers fall back to full-text search, then the cache.
 * See {@link DownstreamGuard} for the rules every guard follows.
 */
@ApplicationScoped
public class ChromaGuard implements DownstreamGuard {

    private final CallRecorder recorder;

    ChromaGuard(CallRecorder recorder) {
        this.recorder = recorder;
    }

    @Budgeted
    @Retry(maxRetries = 2, delay = 1000, jitter = 0,
            abortOn = {CircuitBreakerOpenException.class, DownstreamClientError.class, BulkheadException.class,
                    BudgetException.class})
    @CustomBackoff(DoublingBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 60000, successThreshold = 1,
            skipOn = {DownstreamClientError.class, BulkheadException.class, CallerDeadlineException.class})
    @CircuitBreakerName("chroma")
    @Timeout(15000)
    // Kept as the ceiling of the adaptive concurrency limit (ConcurrencyLimits: max-limit) and the bound while it is off.
    @Bulkhead(10)
    @Override
    public <T> T call(DownstreamCall<T> call) {
        return recorder.attempt(call);
    }

    @Override
    public Downstream downstream() {
        return Downstream.CHROMA;
    }
}
