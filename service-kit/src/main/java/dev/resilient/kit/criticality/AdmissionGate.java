package dev.resilient.kit.criticality;

import com.netflix.concurrency.limits.Limit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Admission by criticality under a concurrency limit: a request is admitted while the requests in
 * flight are below its criticality's share of the limit ({@link Shares}), so as load grows the
 * sheddable ones are refused first, then the default ones, and the last part of the limit stays
 * free for critical work. The limit itself is a Netflix concurrency-limits {@link Limit} (adaptive,
 * fed one sample per admitted request, or fixed); each admitted request's {@link Permit} is released
 * exactly once, when its answer is written or its connection closes.
 *
 * <p>Why not one of the library's limiters: {@code SimpleLimiter} has one threshold for every
 * request, and {@code AbstractPartitionedLimiter} guarantees each partition a share rather than
 * refusing the least important first (a sheddable partition keeps its share at 10x overload).
 * The thresholds here are what Netflix's prioritized load shedding does with its priority tiers.
 */
public final class AdmissionGate {

    /**
     * The share of the limit each criticality may fill, counting every request in flight: critical
     * requests fill it all.
     *
     * @param sheddable in (0, 1], at most {@code defaultShare}
     * @param defaultShare in (0, 1]
     */
    public record Shares(double sheddable, double defaultShare) {
        public Shares {
            if (!(defaultShare > 0 && defaultShare <= 1) || !(sheddable > 0 && sheddable <= defaultShare)) {
                throw new IllegalArgumentException("shares must satisfy 0 < sheddable <= default <= 1, got sheddable "
                        + sheddable + ", default " + defaultShare);
            }
        }

        double of(Criticality c) {
            return switch (c) {
                case CRITICAL -> 1.0;
                case DEFAULT -> defaultShare;
                case SHEDDABLE -> sheddable;
            };
        }
    }

    /** One admitted request's hold on the limit. */
    public final class Permit {
        private final long startNanos;
        private final int inFlightAtStart;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(long startNanos, int inFlightAtStart) {
            this.startNanos = startNanos;
            this.inFlightAtStart = inFlightAtStart;
        }

        /**
         * Ends the request: its time in flight is the limit's sample. Later calls do nothing.
         *
         * @param dropped the request failed for want of capacity (a timeout, a 503 of ours): a drop to the limit
         */
        public void release(boolean dropped) {
            if (released.compareAndSet(false, true)) {
                limit.onSample(startNanos, nanoClock.getAsLong() - startNanos, inFlightAtStart, dropped);
                inFlight.decrementAndGet();
            }
        }
    }

    private final Limit limit;
    private final Shares shares;
    private final LongSupplier nanoClock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<Criticality, LongAdder> admitted = new EnumMap<>(Criticality.class);
    private final Map<Criticality, LongAdder> refused = new EnumMap<>(Criticality.class);

    /** @param nanoClock monotonic nanoseconds ({@code System::nanoTime}, or a fake clock in tests) */
    public AdmissionGate(Limit limit, Shares shares, LongSupplier nanoClock) {
        this.limit = limit;
        this.shares = shares;
        this.nanoClock = nanoClock;
        for (Criticality c : Criticality.values()) {
            admitted.put(c, new LongAdder());
            refused.put(c, new LongAdder());
        }
    }

    /** A permit for one request, or empty (counted as refused) when its criticality's share of the limit is in use. */
    public Optional<Permit> tryAdmit(Criticality criticality) {
        int threshold = threshold(criticality);
        while (true) {
            int now = inFlight.get();
            if (now >= threshold) {
                refused.get(criticality).increment();
                return Optional.empty();
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                admitted.get(criticality).increment();
                return Optional.of(new Permit(nanoClock.getAsLong(), now + 1));
            }
        }
    }

    /** Requests of this criticality are admitted while fewer than this many are in flight (at least 1). */
    public int threshold(Criticality criticality) {
        // the epsilon keeps 10 x 0.7 at 7, not 8
        return Math.max(1, (int) Math.ceil(limit.getLimit() * shares.of(criticality) - 1e-9));
    }

    public int limit() {
        return limit.getLimit();
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long admitted(Criticality criticality) {
        return admitted.get(criticality).sum();
    }

    public long refused(Criticality criticality) {
        return refused.get(criticality).sum();
    }
}
