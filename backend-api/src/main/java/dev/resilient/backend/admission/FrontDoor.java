package dev.resilient.backend.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import dev.resilient.backend.config.AdmissionConfig;
import dev.resilient.kit.criticality.AdmissionGate;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The backend's own concurrency limit and the gate that admits user requests under it by
 * criticality ({@link AdmissionGate}). The limit is Netflix concurrency-limits' Gradient2, fed the
 * time of every admitted request: it falls when requests take longer than their long-term average
 * (queueing: the backend or what it waits on is past its capacity) and grows back while they do not.
 *
 * <p>Gradient2 here, AIMD per downstream ({@code resilience.AdaptiveLimiter}): the front door sees
 * hundreds of requests a second and limits in the hundreds, where Gradient2's queueing estimate is
 * what it was made for and needs no slow-call time (which no single value could give for endpoints
 * that answer in 1 ms and in seconds); the downstream limits are around 10, where AIMD is exact.
 */
@ApplicationScoped
public class FrontDoor {

    private final AdmissionConfig config;
    private final AdmissionGate gate;

    FrontDoor(AdmissionConfig config) {
        this.config = config;
        this.gate = new AdmissionGate(limit(config), new AdmissionGate.Shares(config.sheddableShare(), config.defaultShare()),
                System::nanoTime);
    }

    private static Limit limit(AdmissionConfig config) {
        if (config.fixedLimit().isPresent()) {
            return FixedLimit.of(config.fixedLimit().getAsInt());
        }
        return Gradient2Limit.newBuilder()
                .initialLimit(config.initialLimit())
                .minLimit(config.minLimit())
                .maxConcurrency(config.maxLimit())
                .rttTolerance(config.rttTolerance())
                .build();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** {@code gradient2}, or {@code fixed} with {@code backend.admission.fixed-limit}. */
    public String algorithm() {
        return config.fixedLimit().isPresent() ? "fixed" : "gradient2";
    }

    public AdmissionGate gate() {
        return gate;
    }

    public int retryAfterSeconds() {
        return config.retryAfterSeconds();
    }
}
