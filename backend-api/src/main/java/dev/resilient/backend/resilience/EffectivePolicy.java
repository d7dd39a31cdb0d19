package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import io.smallrye.faulttolerance.api.RateLimit;
import io.smallrye.faulttolerance.config.FaultToleranceOperation;
import java.lang.reflect.Method;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The policy values SmallRye Fault Tolerance applies to one downstream's guard, as SmallRye itself
 * resolved them: the {@link FaultToleranceOperation} its interceptor runs with, whose annotation
 * values already carry every configuration override (MicroProfile keys, {@code quarkus.fault-tolerance.*},
 * {@code smallrye.faulttolerance.*}, environment variables, global keys). Reading them there instead
 * of resolving the keys again means logs and status cannot disagree with what is applied.
 * {@link FaultToleranceOperationProvider} is SmallRye's implementation SPI, not its public API:
 * no public API exposes the resolved values of an annotated method. A strategy switched off by
 * configuration ({@code MP_Fault_Tolerance_NonFallback_Enabled=false}, {@code .../Retry/enabled=false})
 * is absent from the operation: one attempt, no timeout ({@link #NONE}), no breaker.
 *
 * @param attempts         first call plus retries
 * @param retryDelayMs     the first backoff
 * @param timeoutMs        per-attempt timeout
 * @param breakerThreshold calls in the rolling window that open the breaker when all fail
 * @param breakerDelayMs   how long the breaker stays open before a half-open probe
 * @param bulkhead         attempts in flight at most: the ceiling of the adaptive concurrency limit
 * @param backoff          how the waits after the first grow ({@link BackoffShapes}, configuration of ours, not SmallRye's)
 * @param rateLimit        calls per {@code rateLimitWindowMs} at most, {@link #NONE} without a rate limit
 * @param rateLimitWindowMs the rate limit's window
 */
public record EffectivePolicy(long attempts, long retryDelayMs, long timeoutMs, long breakerThreshold, long breakerDelayMs,
        long bulkhead, BackoffShape backoff, long rateLimit, long rateLimitWindowMs) {

    /** A timeout, threshold or delay that does not apply. */
    public static final long NONE = Long.MAX_VALUE;

    /** The policy of {@code guard}'s (the bean class') {@code call(DownstreamCall)}, waiting {@code backoff} between attempts. */
    static EffectivePolicy of(Class<?> guard, FaultToleranceOperationProvider operations, BackoffShape backoff) {
        Method call;
        try {
            call = guard.getMethod("call", DownstreamCall.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(guard + " has no call(DownstreamCall) method", e);
        }
        FaultToleranceOperation op = operations.get(guard, call);
        Retry retry = op.getRetry();
        Timeout timeout = op.getTimeout();
        CircuitBreaker breaker = op.getCircuitBreaker();
        Bulkhead bulkhead = op.getBulkhead();
        RateLimit rateLimit = op.getRateLimit();
        return new EffectivePolicy(retry == null ? 1 : retry.maxRetries() + 1L,
                retry == null ? NONE : Duration.of(retry.delay(), retry.delayUnit()).toMillis(),
                timeout == null ? NONE : Duration.of(timeout.value(), timeout.unit()).toMillis(),
                breaker == null ? NONE : breaker.requestVolumeThreshold(),
                breaker == null ? NONE : Duration.of(breaker.delay(), breaker.delayUnit()).toMillis(),
                bulkhead == null ? NONE : bulkhead.value(),
                backoff,
                rateLimit == null ? NONE : rateLimit.value(),
                rateLimit == null ? NONE : Duration.of(rateLimit.window(), rateLimit.windowUnit()).toMillis());
    }
}
