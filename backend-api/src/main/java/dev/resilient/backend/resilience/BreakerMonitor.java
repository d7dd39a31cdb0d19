package dev.resilient.backend.resilience;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Watches every downstream's breaker through SmallRye's {@link CircuitBreakerMaintenance}: logs
 * each transition as the seeds do, stamps {@code last_state_change}, keeps the latest transitions.
 */
@ApplicationScoped
public class BreakerMonitor {

    /** One breaker transition. */
    public record Transition(String service, String state, Instant at) {
    }

    static final int KEPT_TRANSITIONS = 50;
    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.downstream");

    private final DownstreamStats stats;
    private final PolicyRegistry policies;
    private final Deque<Transition> transitions = new ArrayDeque<>();

    BreakerMonitor(DownstreamStats stats, PolicyRegistry policies) {
        this.stats = stats;
        this.policies = policies;
    }

    void register(@Observes StartupEvent event) {
        CircuitBreakerMaintenance maintenance = CircuitBreakerMaintenance.get();
        for (Downstream d : Downstream.values()) {
            maintenance.onStateChange(d.key(), state -> changed(d, state));
        }
    }

    /** The breaker's state now: {@code closed}, {@code open} or {@code half_open}. */
    public String state(Downstream d) {
        return wire(CircuitBreakerMaintenance.get().currentState(d.key()));
    }

    public synchronized List<Transition> latestTransitions() {
        return List.copyOf(transitions);
    }

    private void changed(Downstream d, CircuitBreakerState state) {
        stats.stateChanged(d);
        synchronized (this) {
            transitions.addFirst(new Transition(d.key(), wire(state), Instant.now()));
            while (transitions.size() > KEPT_TRANSITIONS) {
                transitions.removeLast();
            }
        }
        switch (state) {
            case OPEN -> LOG.errorf("%s \u2717 Circuit breaker OPEN (threshold reached: %d/%d)", d.tag(),
                    Math.min(stats.get(d).consecutiveFailures(), policies.get(d).breakerThreshold()),
                    policies.get(d).breakerThreshold());
            case HALF_OPEN -> LOG.infof("%s Circuit breaker HALF_OPEN (testing recovery)", d.tag());
            case CLOSED -> LOG.infof("%s \u21bb Circuit breaker CLOSED (service recovered)", d.tag());
        }
    }

    static String wire(CircuitBreakerState state) {
        return state.name().toLowerCase();
    }
}
