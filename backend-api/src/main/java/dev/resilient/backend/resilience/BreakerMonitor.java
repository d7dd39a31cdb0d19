package dev.resilient.backend.resilience;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private final DownstreamStats stats;
    private final DownstreamLog log;
    private final Deque<Transition> transitions = new ArrayDeque<>();
    private final Map<Downstream, CircuitBreakerState> last = new EnumMap<>(Downstream.class);
    /** The state each breaker was in when it last opened. */
    private final Map<Downstream, CircuitBreakerState> openedFrom = new EnumMap<>(Downstream.class);

    BreakerMonitor(DownstreamStats stats, DownstreamLog log) {
        this.stats = stats;
        this.log = log;
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

    /** Every downstream's breaker state now, by status key, in {@link Downstream} order. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        for (Downstream d : Downstream.values()) {
            states.put(d.key(), state(d));
        }
        return states;
    }

    /**
     * True when {@code d}'s breaker last opened from half-open: its probe failed. A call refused by a
     * breaker opened that way failed a probe itself or came right after one, not in a wave of failures.
     */
    public synchronized boolean reopenedByProbe(Downstream d) {
        return openedFrom.get(d) == CircuitBreakerState.HALF_OPEN;
    }

    public synchronized List<Transition> latestTransitions() {
        return List.copyOf(transitions);
    }

    private void changed(Downstream d, CircuitBreakerState state) {
        stats.stateChanged(d);
        CircuitBreakerState previous;
        synchronized (this) {
            previous = last.put(d, state);
            if (state == CircuitBreakerState.OPEN) {
                openedFrom.put(d, previous);
            }
            transitions.addFirst(new Transition(d.key(), wire(state), Instant.now()));
            while (transitions.size() > KEPT_TRANSITIONS) {
                transitions.removeLast();
            }
        }
        switch (state) {
            case OPEN -> log.breakerOpened(d, previous == CircuitBreakerState.HALF_OPEN);
            case HALF_OPEN -> log.breakerHalfOpen(d);
            case CLOSED -> log.breakerClosed(d);
        }
    }

    static String wire(CircuitBreakerState state) {
        return state.name().toLowerCase();
    }
}
