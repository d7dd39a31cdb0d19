package dev.resilient.backend.resilience;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** The effective policy of every downstream, resolved once at start-up. */
@ApplicationScoped
public class PolicyRegistry {

    private final Map<Downstream, EffectivePolicy> policies = new EnumMap<>(Downstream.class);

    PolicyRegistry(Config config) {
        for (Downstream d : Downstream.values()) {
            policies.put(d, EffectivePolicy.of(d, config));
        }
    }

    public EffectivePolicy get(Downstream d) {
        return policies.get(d);
    }
}
