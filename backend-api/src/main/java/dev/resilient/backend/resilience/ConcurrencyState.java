package dev.resilient.backend.resilience;

/**
 * One downstream's adaptive concurrency now.
 *
 * @param enabled  whether calls are limited (off, only the bulkhead bounds them)
 * @param limit    calls allowed in flight now
 * @param inFlight calls in flight now (0 while off: not counted)
 * @param rejected calls refused at the limit since the start
 * @param slowIgnored slow answers left out of the limit since the start, because this process was past its own
 *                    capacity while they ran ({@link OwnCapacity})
 */
public record ConcurrencyState(boolean enabled, int limit, int inFlight, long rejected, long slowIgnored,
        LimitSettings settings) {
}
