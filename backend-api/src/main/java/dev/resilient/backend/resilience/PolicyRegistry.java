package dev.resilient.backend.resilience;

import io.quarkus.arc.All;
import io.quarkus.arc.InstanceHandle;
import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The policy SmallRye applies to every downstream, read once from SmallRye's own resolution. */
@ApplicationScoped
public class PolicyRegistry {

    private final Map<Downstream, EffectivePolicy> policies = new EnumMap<>(Downstream.class);

    PolicyRegistry(@All List<InstanceHandle<DownstreamGuard>> guards, FaultToleranceOperationProvider operations) {
        for (InstanceHandle<DownstreamGuard> guard : guards) {
            policies.put(guard.get().downstream(), EffectivePolicy.of(guard.getBean().getBeanClass(), operations));
        }
        for (Downstream d : Downstream.values()) {
            if (!policies.containsKey(d)) {
                throw new IllegalStateException("no DownstreamGuard bean for " + d.key());
            }
        }
    }

    public EffectivePolicy get(Downstream d) {
        return policies.get(d);
    }
}
