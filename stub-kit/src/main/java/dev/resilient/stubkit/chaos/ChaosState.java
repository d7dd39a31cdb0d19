package dev.resilient.stubkit.chaos;

import dev.resilient.stubkit.config.StubConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/** The stub's current fault and its request counters; thread-safe, one per stub process. */
@ApplicationScoped
public class ChaosState {

    /** Distinct paths counted one by one; the rest are summed under {@link #OTHER_PATHS}. */
    static final int MAX_TRACKED_PATHS = 1000;
    static final String OTHER_PATHS = "(other)";
    private static final Logger LOG = Logger.getLogger(ChaosState.class);

    /** A fault and when it started and ends ({@code until} null: until healed). */
    public record Active(FaultSpec spec, Instant since, Instant until, AtomicInteger remaining) {
    }

    /** What {@code GET /_chaos} shows. */
    public record Counters(long requestsTotal, long faultedTotal, long deadlineRequestsTotal, long deadlineMaxMs,
            long deadlineExceededTotal, Map<String, Long> byPath) {
    }

    private final Clock clock;
    private final AtomicReference<Active> active = new AtomicReference<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder faulted = new LongAdder();
    private final LongAdder deadlineRequests = new LongAdder();
    private final LongAccumulator deadlineMaxMs = new LongAccumulator(Math::max, 0);
    private final LongAdder deadlineExceeded = new LongAdder();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();

    ChaosState(StubConfig config) {
        this.clock = Clock.systemUTC();
        FaultSpec initial = StartupFault.from(config.chaos());
        active.set(activate(initial));
        if (initial.mode() != FaultMode.OK) {
            LOG.warnf("Starting with injected fault %s", initial);
        }
    }

    /** The fault in force now; a fault whose {@code duration_s} has passed heals itself here. */
    public Active current() {
        Active a = active.get();
        if (a.until() != null && !clock.instant().isBefore(a.until())) {
            Active healthy = activate(FaultSpec.HEALTHY);
            if (active.compareAndSet(a, healthy)) {
                LOG.infof("Injected fault %s ended after %ss", a.spec().mode().wire(), a.spec().durationS());
            }
            return active.get();
        }
        return a;
    }

    public Active inject(FaultSpec spec) {
        Active a = activate(spec);
        active.set(a);
        LOG.infof("Injected fault: %s", spec);
        return a;
    }

    public Active heal() {
        Active a = activate(FaultSpec.HEALTHY);
        active.set(a);
        LOG.info("Fault healed: serving normally");
        return a;
    }

    /** Counts a request that reached the stub (everything but the chaos API and /q). */
    public void countRequest(String path) {
        requests.increment();
        LongAdder perPath = byPath.get(path);
        if (perPath == null) {
            perPath = byPath.size() < MAX_TRACKED_PATHS
                    ? byPath.computeIfAbsent(path, p -> new LongAdder())
                    : byPath.computeIfAbsent(OTHER_PATHS, p -> new LongAdder());
        }
        perPath.increment();
    }

    /**
     * Takes one use of a fault limited by {@code times}; false when it is used up (the fault then
     * heals itself and the request is served normally).
     */
    public boolean claim(Active a) {
        if (a.remaining() == null) {
            return true;
        }
        int left = a.remaining().getAndDecrement();
        if (left <= 0) {
            return false;
        }
        if (left == 1 && active.compareAndSet(a, activate(FaultSpec.HEALTHY))) {
            LOG.infof("Injected fault %s ended after %d requests", a.spec().mode().wire(), a.spec().times());
        }
        return true;
    }

    public void countFaulted() {
        faulted.increment();
    }

    /** Counts a request that announced its caller's remaining budget, and keeps the largest budget seen. */
    public void countDeadline(long remainingMs) {
        deadlineRequests.increment();
        deadlineMaxMs.accumulate(remainingMs);
    }

    /** Counts a request given up because the caller's deadline had passed. */
    public void countDeadlineExceeded() {
        deadlineExceeded.increment();
    }

    public Counters counters() {
        Map<String, Long> paths = new TreeMap<>();
        byPath.forEach((p, n) -> paths.put(p, n.sum()));
        return new Counters(requests.sum(), faulted.sum(), deadlineRequests.sum(), deadlineMaxMs.get(),
                deadlineExceeded.sum(), paths);
    }

    public void resetCounters() {
        requests.reset();
        faulted.reset();
        deadlineRequests.reset();
        deadlineMaxMs.reset();
        deadlineExceeded.reset();
        byPath.clear();
    }

    private Active activate(FaultSpec spec) {
        Instant now = clock.instant();
        Instant until = spec.durationS() == null ? null : now.plusMillis(Math.round(spec.durationS() * 1000));
        return new Active(spec, now, until,
                spec.times() == null ? null : new AtomicInteger(spec.times()));
    }
}
