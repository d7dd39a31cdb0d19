package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Adaptive concurrency per downstream (keys {@code backend.concurrency-limits.*}, env
 * {@code BACKEND_CONCURRENCY_LIMITS_*}): how many calls to each downstream may be in flight at once,
 * adjusted by Netflix concurrency-limits' AIMD algorithm. A call the downstream failed (5xx, timeout,
 * refused or reset connection) or answered slower than its {@code slow-call} time multiplies the limit by
 * {@code backoff-ratio}; a fast success while at least half the limit is in use adds one. A call over
 * the limit is refused at once and its caller's fallback answers. Every downstream gets the same values
 * except {@code max-limit} and {@code slow-call}, which can be set per downstream; the guard's
 * {@code @Bulkhead} stays the ceiling of {@code max-limit}.
 */
@ConfigMapping(prefix = "backend.concurrency-limits")
public interface ConcurrencyLimitConfig {

    /** Off ({@code BACKEND_CONCURRENCY_LIMITS_ENABLED=false}), only each guard's fixed {@code @Bulkhead} bounds the calls in flight. */
    @WithDefault("true")
    boolean enabled();

    /** The limit each downstream starts with (and returns to when reset). */
    @WithDefault("10")
    int initialLimit();

    /** The limit never falls below this, so a recovered downstream is always probed by some calls. */
    @WithDefault("1")
    int minLimit();

    /**
     * The limit never grows above this, nor above the guard's {@code @Bulkhead} value. Per downstream in
     * {@code max-limits}.
     */
    @WithDefault("10")
    int maxLimit();

    /**
     * Per downstream key, e.g. {@code backend.concurrency-limits.max-limits.billing=32}: billing carries the
     * deductions, critical work that must get through a spike (application.properties says why 32).
     */
    Map<String, Integer> maxLimits();

    /** The maximum of the downstream whose key is {@code downstream}. */
    default int maxLimitOf(String downstream) {
        return maxLimits().getOrDefault(downstream, maxLimit());
    }

    /** What a failed or slow call multiplies the limit by, in [0.5, 1). */
    @WithDefault("0.9")
    double backoffRatio();

    /**
     * A call (all its attempts, backoff included) that took longer than this lowers the limit like a
     * failure: longer than a healthy downstream needs. Per downstream in {@code slow-calls}.
     */
    @WithDefault("500ms")
    Duration slowCall();

    /** Per downstream key ({@code llm-primary}, ...), e.g. {@code backend.concurrency-limits.slow-calls.llm-primary=10s}. */
    Map<String, Duration> slowCalls();

    /** The slow-call time of the downstream whose key is {@code downstream}. */
    default Duration slowCallOf(String downstream) {
        return slowCalls().getOrDefault(downstream, slowCall());
    }
}
