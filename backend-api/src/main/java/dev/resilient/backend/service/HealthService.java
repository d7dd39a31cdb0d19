package dev.resilient.backend.service;

import dev.resilient.backend.api.ComponentView;
import dev.resilient.backend.api.HealthResponse;
import dev.resilient.backend.config.HealthConfig;
import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationModeService;
import dev.resilient.backend.probe.ComponentHealth;
import dev.resilient.backend.probe.DependencyChecks;
import dev.resilient.backend.resilience.BreakerMonitor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's health endpoint from what the scheduled checks and the breakers found: no dependency is
 * called here, so polling it costs the dependencies nothing and answers at once.
 */
@ApplicationScoped
public class HealthService {

    private final DependencyChecks checks;
    private final BreakerMonitor breakers;
    private final OperationModeService modes;
    private final String interval;

    HealthService(DependencyChecks checks, BreakerMonitor breakers, OperationModeService modes, HealthConfig config) {
        this.checks = checks;
        this.breakers = breakers;
        this.modes = modes;
        this.interval = checks.enabled() ? config.interval() : "off";
    }

    /** Every component with its breaker, and the status: degraded while any reason stands or any component is unknown. */
    public HealthResponse health() {
        Map<String, ComponentView> components = components();
        ModeState evidence = modes.automatic();
        boolean allUp = evidence.reasons().isEmpty()
                && components.values().stream().allMatch(c -> c.status().equals(ComponentHealth.UP));
        return new HealthResponse(allUp ? HealthResponse.OK : HealthResponse.DEGRADED, modes.current().mode().name(),
                components, evidence.reasons(), interval, Instant.now());
    }

    /** Every checked component in check order, with the breaker of those the backend calls through one. */
    public Map<String, ComponentView> components() {
        Map<String, String> breakerStates = breakers.states();
        Map<String, ComponentView> components = new LinkedHashMap<>();
        checks.components().forEach((name, h) -> components.put(name,
                new ComponentView(h.status(), h.detail(), h.latencyMs(), h.checkedAt(), breakerStates.remove(name))));
        // a downstream without a check (its target unset) still shows its breaker
        breakerStates.forEach((name, breaker) -> components.put(name,
                new ComponentView(ComponentHealth.UNKNOWN, "no health check configured", null, null, breaker)));
        return components;
    }
}
