package dev.resilient.backend.resilience;

import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** The policy SmallRye applies to every downstream, read once from SmallRye's own resolution. */
@ApplicationScoped
public class PolicyRegistry {

    private final Map<Downstream, EffectivePolicy> policies = new EnumMap<>(Downstream.class);

    PolicyRegistry(FaultToleranceOperationProvider operations) {
        for (Downstream d : Downstream.values()) {
            policies.put(d, EffectivePolicy.of(d, operations));
        }
    }

    public EffectivePolicy get(Downstream d) {
        return policies.get(d);
    }
}
