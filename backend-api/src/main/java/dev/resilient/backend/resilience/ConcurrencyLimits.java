package dev.resilient.backend.resilience;

import com.netflix.concurrency.limits.Limiter;
import dev.resilient.backend.config.ConcurrencyLimitConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The adaptive concurrency limit of every downstream ({@link AdaptiveLimiter}, settings from
 * {@link ConcurrencyLimitConfig}). {@link BudgetedInterceptor} takes a permit for each guarded call
 * before SmallRye sees it and gives it back with the call's outcome ({@link #release}): a call over the
 * limit never reaches the breaker, the retry or the bulkhead, like a call whose time budget is spent.
 * The permit covers the call's attempts and backoffs, which all run on the caller's thread: the limit
 * bounds the request threads waiting on the downstream, and so the attempts it sees at once.
 * The guards' fixed {@code @Bulkhead} stays as the ceiling of the limit and the bound while it is off.
 */
@ApplicationScoped
public class ConcurrencyLimits {

    /** The limit algorithm of concurrency-limits in use (see {@link AdaptiveLimiter} for why). */
    public static final String ALGORITHM = "aimd";

    private static final Limiter.Listener UNLIMITED = new Limiter.Listener() {
        @Override
        public void onSuccess() {
        }

        @Override
        public void onIgnore() {
        }

        @Override
        public void onDropped() {
        }
    };

    private final boolean enabled;
    private final Map<Downstream, AdaptiveLimiter> limiters = new EnumMap<>(Downstream.class);
    private final DownstreamLog log;

    ConcurrencyLimits(ConcurrencyLimitConfig config, PolicyRegistry policies, TimeSource clock, DownstreamLog log,
            OwnCapacity ownCapacity) {
        this.enabled = config.enabled();
        this.log = log;
        for (Downstream d : Downstream.values()) {
            LimitSettings settings = LimitSettings.of(config, d, policies.get(d).bulkhead());
            limiters.put(d, new AdaptiveLimiter(d.key(), settings, clock::nanoTime, ownCapacity));
        }
    }

    /**
     * A permit for one call to {@code d}, to be ended by {@link #release} exactly once.
     *
     * @throws ConcurrencyLimitExceededException at once when {@code d}'s limit of calls is in flight
     *                                           (logged at most once per interval, counted in the status and the metrics)
     */
    Limiter.Listener acquire(Downstream d) {
        if (!enabled) {
            return UNLIMITED;
        }
        AdaptiveLimiter limiter = limiters.get(d);
        return limiter.tryAcquire().orElseThrow(() -> {
            int limit = limiter.limit();
            log.rejectedByConcurrencyLimit(d, limit);
            return new ConcurrencyLimitExceededException(d, limit);
        });
    }

    /**
     * Ends {@code call}'s permit with its outcome: a success is a latency sample; a failure that is the
     * downstream's doing (5xx, timeout, refused or reset connection, a deadline cut past the breaker floor,
     * also when its retry was denied) is a drop; the rest (a 4xx, capacity answers included, so no
     * caller lowers the limit for the others; the caller's own short deadline; a call that never started
     * an attempt, refused by an open breaker or a full bulkhead) is ignored.
     *
     * @param failure what the call threw, null when it answered
     */
    static void release(Limiter.Listener permit, DownstreamCall<?> call, Throwable failure) {
        if (failure == null) {
            permit.onSuccess();
        } else if (call.attempts() > 0 && downstreamsDoing(failure)) {
            permit.onDropped();
        } else {
            permit.onIgnore();
        }
    }

    private static boolean downstreamsDoing(Throwable failure) {
        Throwable f = failure instanceof RetryDeniedException && failure.getCause() != null ? failure.getCause() : failure;
        return !(f instanceof DownstreamClientError || f instanceof CallerDeadlineException);
    }

    /** {@code d}'s limit, calls in flight and rejections now. */
    public ConcurrencyState state(Downstream d) {
        AdaptiveLimiter limiter = limiters.get(d);
        return new ConcurrencyState(enabled, limiter.limit(), limiter.inFlight(), limiter.rejected(),
                limiter.slowSamplesIgnored(), limiter.settings());
    }

    /** Every downstream back to its initial limit, as after a start (the rejection counts stay). */
    public void resetAll() {
        limiters.values().forEach(AdaptiveLimiter::reset);
    }
}
