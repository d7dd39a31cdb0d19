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
 * auth-stub's policy, seed 001's preset for fast operations (Billing, Auth): 2 attempts, 1 s backoff;
 * 5 s per attempt; opens after 5 failures for 60 s (seed 001's defaults). Guards the calls the backend
 * makes to auth-stub itself (the dashboard's login, {@code POST /token}); the JWKS is fetched by SmallRye
 * JWT, which keeps known keys through an outage ({@code smallrye.jwt.jwks.*}).
 * See {@link DownstreamGuard} for the rules every guard follows.
 */
@ApplicationScoped
public class AuthGuard implements DownstreamGuard {

    private final CallRecorder recorder;

    AuthGuard(CallRecorder recorder) {
        this.recorder = recorder;
    }

    @Budgeted
    @Retry(maxRetries = 1, delay = 1000, jitter = 0,
            abortOn = {CircuitBreakerOpenException.class, DownstreamClientError.class, BulkheadException.class,
                    BudgetException.class})
    @CustomBackoff(DoublingBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 60000, successThreshold = 1,
            skipOn = {DownstreamClientError.class, BulkheadException.class, CallerDeadlineException.class})
    @CircuitBreakerName("auth")
    @Timeout(5000)
    // Kept as the ceiling of the adaptive concurrency limit (ConcurrencyLimits: max-limit) and the bound while it is off.
    @Bulkhead(10)
    @Override
    public <T> T call(DownstreamCall<T> call) {
        return recorder.attempt(call);
    }

    @Override
    public Downstream downstream() {
        return Downstream.AUTH;
    }
}
