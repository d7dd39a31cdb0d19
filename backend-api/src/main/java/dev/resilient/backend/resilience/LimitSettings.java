package dev.resilient.backend.resilience;

import dev.resilient.backend.config.ConcurrencyLimitConfig;

/**
 * One downstream's adaptive concurrency settings, resolved from {@link ConcurrencyLimitConfig} and its
 * guard's bulkhead: {@code maxLimit} is at most the bulkhead's size, {@code initialLimit} lies between
 * the minimum and the maximum.
 *
 * @param slowCallMs a call longer than this lowers the limit as a failure does
 */
public record LimitSettings(int initialLimit, int minLimit, int maxLimit, double backoffRatio, long slowCallMs) {

    /**
     * @param bulkhead the guard's {@code @Bulkhead} size, {@link EffectivePolicy#NONE} when it is off
     * @throws IllegalArgumentException when the minimum is below 1 or above the maximum, the backoff ratio
     *                                  outside [0.5, 1), or the slow-call time not positive: the backend does not start
     */
    public static LimitSettings of(ConcurrencyLimitConfig config, Downstream d, long bulkhead) {
        int configured = config.maxLimitOf(d.key());
        int max = (int) Math.min(configured, bulkhead);
        int min = config.minLimit();
        if (min < 1 || min > max) {
            throw new IllegalArgumentException("backend.concurrency-limits: min-limit " + min + " must be between 1 and "
                    + d.key() + "'s max-limit " + max + " (max-limit " + configured + ", bulkhead " + bulkhead + ")");
        }
        double ratio = config.backoffRatio();
        if (ratio < 0.5 || ratio >= 1) {
            throw new IllegalArgumentException("backend.concurrency-limits.backoff-ratio " + ratio + " must be in [0.5, 1)");
        }
        long slowMs = config.slowCallOf(d.key()).toMillis();
        if (slowMs <= 0) {
            throw new IllegalArgumentException("backend.concurrency-limits: " + d.key() + "'s slow-call time must be positive");
        }
        return new LimitSettings(Math.max(min, Math.min(max, config.initialLimit())), min, max, ratio, slowMs);
    }
}
