package dev.resilient.backend.service;

import dev.resilient.backend.model.ServiceStatus;
import dev.resilient.backend.model.StatusResponse;
import dev.resilient.backend.resilience.BreakerMonitor;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamStats;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every downstream's breaker state (SmallRye) with our failure counts and timestamps. */
@ApplicationScoped
public class StatusService {

    private final BreakerMonitor breakers;
    private final DownstreamStats stats;

    StatusService(BreakerMonitor breakers, DownstreamStats stats) {
        this.breakers = breakers;
        this.stats = stats;
    }

    public ServiceStatus status(Downstream d) {
        DownstreamStats.Snapshot s = stats.get(d);
        return new ServiceStatus(d.displayName(), breakers.state(d), s.consecutiveFailures(), s.lastFailure(),
                s.lastError(), s.lastStateChange());
    }

    public StatusResponse all() {
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        for (Downstream d : Downstream.values()) {
            services.put(d.key(), status(d));
        }
        return new StatusResponse(services, operationMode(services), Instant.now());
    }

    /** NORMAL with every breaker closed, DEGRADED with one or two not closed, EMERGENCY beyond. */
    static String operationMode(Map<String, ServiceStatus> services) {
        long notClosed = services.values().stream().filter(s -> !s.state().equals("closed")).count();
        return notClosed == 0 ? "NORMAL" : notClosed <= 2 ? "DEGRADED" : "EMERGENCY";
    }
}
