package dev.resilient.backend.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
import dev.resilient.backend.config.AdmissionConfig;
import dev.resilient.backend.resilience.OwnCapacity;
import dev.resilient.backend.resilience.TimeSource;
import dev.resilient.kit.criticality.AdmissionGate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The backend's own concurrency limit and the gate that admits user requests under it by
 * criticality ({@link AdmissionGate}). The limit is Netflix concurrency-limits' Vegas over windows of
 * samples ({@link WindowedLimit}): each window's average request time against the lowest window
 * average seen estimates how many requests are queueing; past a few the limit falls, with none it
 * grows, and only while the requests in flight fill at least half of it.
 *
 * <p>Why windowed Vegas: with CPU the scarce resource, every request in flight slows every other one
 * alike, so the time of each request grows with the limit itself. Gradient2 compares the short-term
 * time with its own long-term average, which follows it up: fed a CPU-bound server on a fake clock
 * (FrontDoorLimitTest) it grew to its maximum and every request queued. Vegas compares with the
 * best time seen, which does not follow. Its windows are what make it fit a mix of endpoints (a status
 * read in 1 ms, a chat in 50): a window's average moves when requests queue, not when one fast or slow
 * request ends, and a window of fewer than {@value #WINDOW_SAMPLES} requests changes nothing, so light
 * traffic never moves the limit. AIMD, per downstream ({@code resilience.AdaptiveLimiter}), needs a
 * slow-call time, which no single value could give for this mix.
 *
 * <p>It is also what tells the downstream limits that the backend itself was past its capacity
 * ({@link OwnCapacity}): it refused a request, so the slow answer of a call then holds our own queueing.
 */
@ApplicationScoped
public class FrontDoor implements OwnCapacity {

    /** Requests a window needs before it counts (the library's minimum is 10). */
    static final int WINDOW_SAMPLES = 25;
    /** The window's time is its 10th percentile: the fast requests, which wait on no downstream. */
    static final double WINDOW_PERCENTILE = 0.1;
    /** Samples a window keeps for its percentile. */
    static final int WINDOW_CAPACITY = 200;

    /**
     * Vegas forgets its best time every {@code 0.5-1 x multiplier x limit} windows, to follow a lasting change
     * of the network path; the library's 30 is every 20-40 s here (ten windows a second), and each time
     * the limit climbs against the queued time it just took as the best, as if nothing queued. A backend's
     * own best time changes with a deploy, which restarts it, so once in 25-50 minutes at a limit of 10.
     */
    static final int PROBE_MULTIPLIER = 3000;

    private final AdmissionConfig config;
    private final AdmissionGate gate;

    FrontDoor(AdmissionConfig config, TimeSource time) {
        this.config = config;
        this.gate = new AdmissionGate(limit(config), new AdmissionGate.Shares(config.sheddableShare(), config.defaultShare()),
                config.criticalReserve(), time::nanoTime);
    }

    private static Limit limit(AdmissionConfig config) {
        if (config.fixedLimit().isPresent()) {
            return FixedLimit.of(config.fixedLimit().getAsInt());
        }
        Limit vegas = VegasLimit.newBuilder()
                .initialLimit(config.initialLimit())
                .maxConcurrency(config.maxLimit())
                .probeMultiplier(PROBE_MULTIPLIER)
                // the library's own shape (a factor times the whole part of log10 of the limit, at least 1)
                .alphaFunction(limit -> config.vegasAlpha() * Math.max(1, (int) Math.log10(limit)))
                .betaFunction(limit -> config.vegasBeta() * Math.max(1, (int) Math.log10(limit)))
                .build();
        // a window lasts twice its fastest request, between 100 ms and 1 s
        Limit windowed = WindowedLimit.newBuilder()
                .minWindowTime(100, TimeUnit.MILLISECONDS)
                .maxWindowTime(1, TimeUnit.SECONDS)
                .windowSize(WINDOW_SAMPLES)
                .sampleWindowFactory(PercentileSampleWindowFactory.of(WINDOW_PERCENTILE, WINDOW_CAPACITY))
                .build(vegas);
        return new LimitFloor(windowed, config.minLimit());
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** {@code vegas}, or {@code fixed} with {@code backend.admission.fixed-limit}. */
    public String algorithm() {
        return config.fixedLimit().isPresent() ? "fixed" : "vegas";
    }

    public AdmissionGate gate() {
        return gate;
    }

    public int retryAfterSeconds() {
        return config.retryAfterSeconds();
    }

    @Override
    public boolean exceededSince(long sinceNanos) {
        return config.enabled() && gate.refusedSince(sinceNanos);
    }
}
