package dev.resilient.backend.service;

import dev.resilient.backend.admission.FrontDoor;
import dev.resilient.backend.api.AdmissionView;
import dev.resilient.backend.api.ConcurrencyView;
import dev.resilient.backend.api.PolicyView;
import dev.resilient.backend.api.RetryBudgetView;
import dev.resilient.backend.api.ServiceStatus;
import dev.resilient.backend.api.StatusResponse;
import dev.resilient.backend.cache.DistributedCache;
import dev.resilient.backend.config.BudgetConfig;
import dev.resilient.backend.mode.FeatureFlags;
import dev.resilient.backend.mode.ModeState;
import dev.resilient.backend.mode.OperationModeService;
import dev.resilient.backend.resilience.BreakerMonitor;
import dev.resilient.backend.resilience.ConcurrencyLimits;
import dev.resilient.backend.resilience.ConcurrencyState;
import dev.resilient.backend.resilience.Downstream;
import dev.resilient.backend.resilience.DownstreamCounters;
import dev.resilient.backend.resilience.DownstreamStats;
import dev.resilient.backend.resilience.EffectivePolicy;
import dev.resilient.backend.resilience.PolicyRegistry;
import dev.resilient.backend.resilience.RetryBudgetState;
import dev.resilient.backend.resilience.RetryBudgets;
import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every downstream's breaker state (SmallRye) with our failure counts and timestamps, its retry budget,
 * policy and adaptive concurrency limit, the mode and the flags.
 */
@ApplicationScoped
public class StatusService {

    private final BreakerMonitor breakers;
    private final DownstreamStats stats;
    private final OperationModeService modes;
    private final FeatureFlags features;
    private final DistributedCache cache;
    private final RetryBudgets retryBudgets;
    private final BudgetConfig budgets;
    private final PolicyRegistry policies;
    private final ConcurrencyLimits limits;
    private final FrontDoor frontDoor;

    StatusService(BreakerMonitor breakers, DownstreamStats stats, OperationModeService modes, FeatureFlags features,
            DistributedCache cache, RetryBudgets retryBudgets, BudgetConfig budgets, PolicyRegistry policies,
            ConcurrencyLimits limits, FrontDoor frontDoor) {
        this.frontDoor = frontDoor;
        this.breakers = breakers;
        this.stats = stats;
        this.modes = modes;
        this.features = features;
        this.cache = cache;
        this.retryBudgets = retryBudgets;
        this.budgets = budgets;
        this.policies = policies;
        this.limits = limits;
    }

    public ServiceStatus status(Downstream d) {
        DownstreamCounters s = stats.get(d);
        return new ServiceStatus(d.displayName(), breakers.state(d), s.consecutiveFailures(), s.lastFailure(),
                s.lastError(), s.lastStateChange(), retryBudget(d), policy(d), concurrency(d));
    }

    private ConcurrencyView concurrency(Downstream d) {
        ConcurrencyState c = limits.state(d);
        return new ConcurrencyView(c.enabled(), ConcurrencyLimits.ALGORITHM, c.limit(), c.inFlight(),
                c.settings().minLimit(), c.settings().maxLimit(), c.settings().slowCallMs(), c.rejected(),
                c.slowIgnored());
    }

    private PolicyView policy(Downstream d) {
        EffectivePolicy p = policies.get(d);
        return new PolicyView(p.attempts(), shown(p.retryDelayMs()), shown(p.timeoutMs()), shown(p.breakerThreshold()),
                shown(p.breakerDelayMs()), p.backoff().factor(), p.backoff().jitter(), shown(p.rateLimit()),
                shown(p.rateLimitWindowMs()), policies.operationTimeoutsMs(d));
    }

    private static Long shown(long value) {
        return value == EffectivePolicy.NONE ? null : value;
    }

    private RetryBudgetView retryBudget(Downstream d) {
        RetryBudgetState b = retryBudgets.snapshot(d);
        return new RetryBudgetView(budgets.enabled(), budgets.retry().ratio(), budgets.retry().minPerSecond(),
                budgets.retry().window().toSeconds(), b.calls(), b.retries(), b.available(), b.denied());
    }

    public StatusResponse all() {
        Map<String, ServiceStatus> services = new LinkedHashMap<>();
        for (Downstream d : Downstream.values()) {
            services.put(d.key(), status(d));
        }
        ModeState mode = modes.current();
        return new StatusResponse(services, mode.mode().name(), mode.reason(), mode.reasons(), mode.source(),
                mode.since(), features.snapshot(), cache.redisState(), cache.levels(), admission(), Instant.now());
    }

    private AdmissionView admission() {
        AdmissionGate gate = frontDoor.gate();
        Map<String, Integer> from = new LinkedHashMap<>();
        Map<String, Long> refused = new LinkedHashMap<>();
        for (Criticality c : Criticality.values()) {
            from.put(c.wireName(), gate.threshold(c));
            refused.put(c.wireName(), gate.refused(c));
        }
        return new AdmissionView(frontDoor.enabled(), frontDoor.algorithm(), gate.limit(), gate.inFlight(),
                gate.waitingOnDownstreams(), from, gate.criticalReserve(), refused);
    }
}
