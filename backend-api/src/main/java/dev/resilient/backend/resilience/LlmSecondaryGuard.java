package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.faulttolerance.api.CustomBackoff;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.api.RateLimitException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The secondary LLM provider's policy, its own breaker (seed 004's complete example: its second provider): 2 attempts, 30 s per attempt; backoff from 1 s, factor 1.5 and jitter 0.2 ({@code llm.secondary.backoff-factor}, {@code llm.secondary.jitter}); opens after 5 failures for 60 s; 100 calls a minute. When both providers fail, chat answers with a degraded message.
 * A call over the provider's rate limit is not made, not retried and no breaker failure: the next provider
 * answers.
 * See {@link DownstreamGuard} for the rules every guard follows.
 */
@ApplicationScoped
public class LlmSecondaryGuard implements DownstreamGuard {

    private final CallRecorder recorder;

    LlmSecondaryGuard(CallRecorder recorder) {
        this.recorder = recorder;
    }

    @Budgeted
    @Retry(maxRetries = 1, delay = 1000, jitter = 0,
            abortOn = {CircuitBreakerOpenException.class, DownstreamClientError.class, BulkheadException.class,
                    BudgetException.class, RateLimitException.class})
    @CustomBackoff(JitteredBackoff.class)
    @CircuitBreaker(requestVolumeThreshold = 5, failureRatio = 1.0, delay = 60000, successThreshold = 1,
            skipOn = {DownstreamClientError.class, BulkheadException.class, CallerDeadlineException.class,
                    RateLimitException.class})
    @CircuitBreakerName("llm-secondary")
    @RateLimit(value = 100, window = 1, windowUnit = ChronoUnit.MINUTES)
    @Timeout(30000)
    // Kept as the ceiling of the adaptive concurrency limit (ConcurrencyLimits: max-limit) and the bound while it is off.
    @Bulkhead(10)
    @Override
    public <T> T call(DownstreamCall<T> call) {
        return recorder.attempt(call);
    }

    @Override
    public Downstream downstream() {
        return Downstream.LLM_SECONDARY;
    }
}
