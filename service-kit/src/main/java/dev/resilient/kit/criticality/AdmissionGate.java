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

    /** The way back into the count after {@link Permit#stepOut()}; closing it twice does nothing. */
    @FunctionalInterface
    public interface Return extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * One admitted request's hold on the limit. While the request waits on a downstream whose own
     * concurrency limit guards it ({@link #stepOut()}), it does not count against this limit and
     * its time away is not part of its sample: this limit guards the work of this process (its CPU, its
     * threads), and a slow downstream must not take it from requests that do not need that downstream.
     */
    public final class Permit {
        private final long startNanos;
        private final int inFlightAtStart;
        private final boolean critical;
        private boolean released;
        private int away;
        private long awaySince;
        private long awayNanos;

        private Permit(long startNanos, int inFlightAtStart, boolean critical) {
            this.startNanos = startNanos;
            this.inFlightAtStart = inFlightAtStart;
            this.critical = critical;
        }

        /**
         * Leaves the count until the returned {@link Return} is closed, which comes back in whatever the
         * limit is then (the request was admitted; what is left of it is short). Nested or concurrent
         * waits of one request leave once and come back with the last. Does nothing after {@link #release}.
         */
        public Return stepOut() {
            synchronized (this) {
                if (released) {
                    return () -> { };
                }
                if (away++ == 0) {
                    awaySince = nanoClock.getAsLong();
                    leave();
                    waiting.incrementAndGet();
                }
            }
            AtomicBoolean back = new AtomicBoolean();
            return () -> {
                if (back.compareAndSet(false, true)) {
                    comeBack();
                }
            };
        }

        private synchronized void comeBack() {
            if (released || --away > 0) {
                return;
            }
            awayNanos += nanoClock.getAsLong() - awaySince;
            waiting.decrementAndGet();
            inFlight.incrementAndGet();
            if (critical) {
                criticalInFlight.incrementAndGet();
            }
        }

        private void leave() {
            inFlight.decrementAndGet();
            if (critical) {
                criticalInFlight.decrementAndGet();
            }
        }

        /**
         * Ends the request: its time in flight, less its time away, is the limit's sample. Later calls do nothing.
         *
         * @param dropped the request failed for want of capacity (a timeout, a 503 of ours): a drop to the limit
         */
        public void release(boolean dropped) {
            long now = nanoClock.getAsLong();
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
                if (away > 0) {
                    awayNanos += now - awaySince;
                    waiting.decrementAndGet();
                } else {
                    leave();
                }
            }
            limit.onSample(startNanos, Math.max(0, now - startNanos - awayNanos), inFlightAtStart, dropped);
        }
    }

    private final Limit limit;
    private final Shares shares;
    private final LongSupplier nanoClock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger criticalInFlight = new AtomicInteger();
    private final int criticalReserve;
    private final Map<Criticality, LongAdder> admitted = new EnumMap<>(Criticality.class);
    private final Map<Criticality, LongAdder> refused = new EnumMap<>(Criticality.class);
    /** When the last request was refused; read only once {@link #anyRefused} is set (nanoTime has no "never"). */
    private volatile long lastRefusalNanos;
    private volatile boolean anyRefused;

    /** A gate whose critical requests have no places of their own past the limit. */
    public AdmissionGate(Limit limit, Shares shares, LongSupplier nanoClock) {
        this(limit, shares, 0, nanoClock);
    }

    /**
     * @param criticalReserve places critical requests have of their own past the limit: requests coming back
     *                        from a downstream ({@link Permit#stepOut()}) may fill the limit, and critical work
     *                        must still get in behind them
     * @param nanoClock       monotonic nanoseconds ({@code System::nanoTime}, or a fake clock in tests)
     */
    public AdmissionGate(Limit limit, Shares shares, int criticalReserve, LongSupplier nanoClock) {
        if (criticalReserve < 0) {
            throw new IllegalArgumentException("the critical reserve must be >= 0, got " + criticalReserve);
        }
        this.criticalReserve = criticalReserve;
        this.limit = limit;
        this.shares = shares;
        this.nanoClock = nanoClock;
        for (Criticality c : Criticality.values()) {
            admitted.put(c, new LongAdder());
            refused.put(c, new LongAdder());
        }
    }

    /**
     * A permit for one request, or empty (counted as refused) when its criticality's share of the limit is in
     * use and, for a critical request, its reserve too.
     */
    public Optional<Permit> tryAdmit(Criticality criticality) {
        int threshold = threshold(criticality);
        boolean critical = criticality == Criticality.CRITICAL;
        while (true) {
            int now = inFlight.get();
            if (now >= threshold) {
                if (critical && takeReserve()) {
                    return Optional.of(admit(criticality, inFlight.incrementAndGet()));
                }
                refused.get(criticality).increment();
                lastRefusalNanos = nanoClock.getAsLong();
                if (!anyRefused) { // written once: a refusal under overload is the hot path
                    anyRefused = true;
                }
                return Optional.empty();
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                if (critical) {
                    criticalInFlight.incrementAndGet();
                }
                return Optional.of(admit(criticality, now + 1));
            }
        }
    }

    private boolean takeReserve() {
        while (true) {
            int now = criticalInFlight.get();
            if (now >= criticalReserve) {
                return false;
            }
            if (criticalInFlight.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    private Permit admit(Criticality criticality, int inFlightNow) {
        admitted.get(criticality).increment();
        return new Permit(nanoClock.getAsLong(), inFlightNow, criticality == Criticality.CRITICAL);
    }

    /** Requests of this criticality are admitted while fewer than this many are in flight (at least 1). */
    public int threshold(Criticality criticality) {
        // the epsilon keeps 10 x 0.7 at 7, not 8
        return Math.max(1, (int) Math.ceil(limit.getLimit() * shares.of(criticality) - 1e-9));
    }

    public int limit() {
        return limit.getLimit();
    }

    /** Places critical requests have of their own past the limit. */
    public int criticalReserve() {
        return criticalReserve;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Admitted requests now waiting on a downstream, out of the count ({@link Permit#stepOut()}). */
    public int waitingOnDownstreams() {
        return waiting.get();
    }

    public long admitted(Criticality criticality) {
        return admitted.get(criticality).sum();
    }

    public long refused(Criticality criticality) {
        return refused.get(criticality).sum();
    }

    /**
     * Whether this gate refused a request, of any criticality, at or after {@code sinceNanos} (on its clock):
     * the work offered then was past what the process can do, so its requests were queueing for its CPU
     * and threads.
     */
    public boolean refusedSince(long sinceNanos) {
        return anyRefused && lastRefusalNanos - sinceNanos >= 0;
    }
}
