package dev.resilient.backend.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What SmallRye's breaker does not expose but the seeds' status shows: consecutive failures
 * (reset by a success), the last failure, and the last breaker state change per downstream.
 */
@ApplicationScoped
public class DownstreamStats {

    private final Map<Downstream, DownstreamCounters> stats = new EnumMap<>(Downstream.class);

    public DownstreamStats() {
        Instant now = Instant.now();
        for (Downstream d : Downstream.values()) {
            stats.put(d, new DownstreamCounters(0, null, null, now));
        }
    }

    public synchronized void success(Downstream d) {
        DownstreamCounters s = stats.get(d);
        if (s.consecutiveFailures() != 0) {
            stats.put(d, new DownstreamCounters(0, s.lastFailure(), s.lastError(), s.lastStateChange()));
        }
    }

    public synchronized int failure(Downstream d, String error) {
        DownstreamCounters s = stats.get(d);
        DownstreamCounters next = new DownstreamCounters(s.consecutiveFailures() + 1, Instant.now(), error, s.lastStateChange());
        stats.put(d, next);
        return next.consecutiveFailures();
    }

    public synchronized void stateChanged(Downstream d) {
        DownstreamCounters s = stats.get(d);
        stats.put(d, new DownstreamCounters(s.consecutiveFailures(), s.lastFailure(), s.lastError(), Instant.now()));
    }

    public synchronized DownstreamCounters get(Downstream d) {
        return stats.get(d);
    }
}
