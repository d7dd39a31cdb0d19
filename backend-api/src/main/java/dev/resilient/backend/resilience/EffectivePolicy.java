package dev.resilient.backend.resilience;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The policy values in force for one downstream: its guard's annotation values unless
 * configuration overrides them, looked up the way SmallRye Fault Tolerance does (Quarkus keys
 * first, then the MicroProfile method, class and global keys). Only for logs and the status
 * endpoint: SmallRye applies the policy itself. Values are in milliseconds, the annotations' unit.
 *
 * @param attempts            first call plus retries
 * @param timeoutMs           per-attempt timeout
 * @param breakerThreshold    calls in the rolling window that open the breaker when all fail
 * @param breakerDelayMs      how long the breaker stays open before a half-open probe
 */
public record EffectivePolicy(long attempts, long retryDelayMs, long timeoutMs, long breakerThreshold, long breakerDelayMs) {

    public static EffectivePolicy of(Downstream downstream, Config config) {
        Method call;
        try {
            call = downstream.guard().getMethod("call", DownstreamCall.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(downstream.guard() + " has no call(DownstreamCall) method", e);
        }
        Lookup l = new Lookup(config, downstream.guard().getName() + "/call");
        long retries = l.value(call, Retry.class, "Retry", "maxRetries", "retry", "max-retries", Retry::maxRetries);
        long delay = l.value(call, Retry.class, "Retry", "delay", "retry", "delay", Retry::delay);
        long timeout = l.value(call, Timeout.class, "Timeout", "value", "timeout", "value", Timeout::value);
        long threshold = l.value(call, CircuitBreaker.class, "CircuitBreaker", "requestVolumeThreshold",
                "circuit-breaker", "request-volume-threshold", CircuitBreaker::requestVolumeThreshold);
        long cbDelay = l.value(call, CircuitBreaker.class, "CircuitBreaker", "delay", "circuit-breaker", "delay",
                CircuitBreaker::delay);
        return new EffectivePolicy(retries + 1, delay, timeout, threshold, cbDelay);
    }

    private record Lookup(Config config, String method) {

        <A extends Annotation> long value(Method m, Class<A> type, String mpName, String mpParam,
                String qName, String qParam, ToLongFunction<A> fromAnnotation) {
            String[] keys = {
                "quarkus.fault-tolerance.\"" + method + "\"." + qName + "." + qParam,
                method + "/" + mpName + "/" + mpParam,
                method.substring(0, method.indexOf('/')) + "/" + mpName + "/" + mpParam,
                "quarkus.fault-tolerance.global." + qName + "." + qParam,
                mpName + "/" + mpParam,
            };
            for (String key : keys) {
                Optional<Long> v = config.getOptionalValue(key, Long.class);
                if (v.isPresent()) {
                    return v.get();
                }
            }
            A annotation = m.getAnnotation(type);
            return annotation == null ? 0 : fromAnnotation.applyAsLong(annotation);
        }
    }
}
