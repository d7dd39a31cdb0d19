package dev.resilient.backend.resilience;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * One downstream's adaptive concurrency limit: Netflix concurrency-limits' {@link SimpleLimiter}
 * under its {@link AIMDLimit}. Each permit ends with one listener call that is the call's sample:
 * {@code onDropped} (the downstream failed it) multiplies the limit by the backoff ratio, and so does
 * {@code onSuccess} when the call took longer than the slow-call time; a faster success adds one while
 * at least half the limit is in use; {@code onIgnore} (the caller's doing) changes nothing. The limit
 * stays within [min, max].
 *
 * <p>AIMD rather than Gradient2 or Vegas: the limits here are small (the bulkhead's 10) and the call
 * rates low. At that size Gradient2's growth term (4 per sample by default) keeps its limit from falling
 * under 8, and Vegas' log10 thresholds from falling under 6 on latency alone; both move the limit only
 * while at least half of it is in use, so a downstream that slows under light load keeps a high limit
 * until the burst comes; Gradient2 ignores drops altogether (a downstream failing fast looks fast) and
 * both learn a long slowness as the new normal (Gradient2's long-term average, Vegas' periodic probe
 * of the minimum). AIMD lowers the limit on every failed or slow call, whatever the load, never takes
 * a slow downstream for a healthy one, and is exact to test on a fake clock. What it needs in return is
 * the slow-call time: per downstream, what a healthy one never takes.
 *
 * <p>A call's time is measured here, on the caller's side, so it holds this process' own queueing too:
 * on a backend past its capacity (bench/run's 10x level on two cores), deductions billing-stub answers in
 * milliseconds came back after more than the slow-call time through a CPU hundreds of requests waited for,
 * and AIMD took that for billing slowing down: its limit fell to 1 and refused a quarter of the deductions.
 * So a slow answer that came while this process refused work of its own ({@link OwnCapacity}) is ignored:
 * it neither lowers nor raises the limit, and is counted ({@link #slowSamplesIgnored()}). A failure (a 5xx, a timeout, a
 * refused connection) still lowers it whatever the load here, and a fast answer still grows it.
 */
final class AdaptiveLimiter {

    private final String name;
    private final LimitSettings settings;
    private final LongSupplier nanoClock;
    private final OwnCapacity ownCapacity;
    private final long slowCallNanos;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder slowIgnored = new LongAdder();
    private volatile SimpleLimiter<Void> limiter;

    /**
     * @param nanoClock   the clock the call times are measured on, in nanoseconds (monotonic)
     * @param ownCapacity whether this process was past its capacity, on the same clock
     */
    AdaptiveLimiter(String name, LimitSettings settings, LongSupplier nanoClock, OwnCapacity ownCapacity) {
        this.name = name;
        this.settings = settings;
        this.nanoClock = nanoClock;
        this.ownCapacity = ownCapacity;
        this.slowCallNanos = TimeUnit.MILLISECONDS.toNanos(settings.slowCallMs());
        this.limiter = newLimiter();
    }

    private SimpleLimiter<Void> newLimiter() {
        AIMDLimit limit = AIMDLimit.newBuilder()
                .initialLimit(settings.initialLimit())
                .minLimit(settings.minLimit())
                .maxLimit(settings.maxLimit())
                .backoffRatio(settings.backoffRatio())
                .timeout(settings.slowCallMs(), TimeUnit.MILLISECONDS)
                .build();
        return SimpleLimiter.newBuilder().named(name).limit(limit).nanoClock(nanoClock).build();
    }

    /**
     * A permit for one call, whose listener must be called exactly once when the call ends; empty
     * (and counted as a rejection) when the limit of calls is in flight.
     */
    Optional<Limiter.Listener> tryAcquire() {
        Optional<Limiter.Listener> permit = limiter.acquire(null);
        if (permit.isEmpty()) {
            rejected.increment();
            return permit;
        }
        return Optional.of(new Permit(permit.get(), nanoClock.getAsLong()));
    }

    /** The library's listener, with a slow success judged against this process' own capacity first. */
    private final class Permit implements Limiter.Listener {
        private final Limiter.Listener delegate;
        private final long startNanos;

        Permit(Limiter.Listener delegate, long startNanos) {
            this.delegate = delegate;
            this.startNanos = startNanos;
        }

        @Override
        public void onSuccess() {
            if (nanoClock.getAsLong() - startNanos > slowCallNanos && ownCapacity.exceededSince(startNanos)) {
                slowIgnored.increment();
                delegate.onIgnore();
            } else {
                delegate.onSuccess();
            }
        }

        @Override
        public void onIgnore() {
            delegate.onIgnore();
        }

        @Override
        public void onDropped() {
            delegate.onDropped();
        }
    }

    int limit() {
        return limiter.getLimit();
    }

    int inFlight() {
        return limiter.getInflight();
    }

    /** Calls refused since the start. */
    long rejected() {
        return rejected.sum();
    }

    /** Slow answers left out because this process was past its own capacity while they ran, since the start. */
    long slowSamplesIgnored() {
        return slowIgnored.sum();
    }

    LimitSettings settings() {
        return settings;
    }

    /** Back to the initial limit; permits held end on the limiter they came from. */
    void reset() {
        limiter = newLimiter();
    }
}
