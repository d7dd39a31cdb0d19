package dev.resilient.backend.mode;

import dev.resilient.backend.config.ModeConfig;
import dev.resilient.backend.resilience.BreakerMonitor;
import dev.resilient.backend.resilience.Downstream;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Seed 004's SystemOperationMode: derived from the breakers by configurable rules (any breaker not
 * closed: DEGRADED; a critical service open, or {@code backend.mode.emergency-open-breakers} open:
 * EMERGENCY), unless an operator has set an override. Every change is logged.
 */
@ApplicationScoped
public class OperationModeService {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.mode");

    private final BreakerMonitor breakers;
    private final ModeConfig config;
    private ModeState state = new ModeState(OperationMode.NORMAL, "all breakers closed", "automatic", Instant.now());
    private ModeState override;

    OperationModeService(BreakerMonitor breakers, ModeConfig config) {
        this.breakers = breakers;
        this.config = config;
    }

    /** The mode in force now (re-derived on each call, so it never lags the breakers). */
    public synchronized ModeState current() {
        ModeState next = override != null ? override : derive();
        if (next.mode() != state.mode() || !next.reason().equals(state.reason())) {
            if (next.mode() != state.mode()) {
                LOG.warnf("Operation mode %s -> %s (%s: %s)", state.mode(), next.mode(), next.source(), next.reason());
            }
            state = next.mode() == state.mode() ? new ModeState(next.mode(), next.reason(), next.source(), state.since()) : next;
        }
        return state;
    }

    /** An operator's override; it holds until {@link #clearOverride} is called. */
    public synchronized ModeState override(OperationMode mode, String reason, String by) {
        override = new ModeState(mode, reason + " (set by " + by + ")", "override", Instant.now());
        return current();
    }

    public synchronized ModeState clearOverride() {
        override = null;
        return current();
    }

    /** Re-derives the mode every second, so changes are logged even when nobody asks. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        current();
    }

    private ModeState derive() {
        Set<String> critical = new TreeSet<>(config.mode().criticalServices().orElse(List.of()));
        List<String> open = new ArrayList<>();
        List<String> notClosed = new ArrayList<>();
        for (Downstream d : Downstream.values()) {
            String s = breakers.state(d);
            if (!s.equals("closed")) {
                notClosed.add(d.key() + " " + s);
            }
            if (s.equals("open")) {
                open.add(d.key());
            }
        }
        List<String> criticalOpen = open.stream().filter(critical::contains).toList();
        Instant now = Instant.now();
        if (!criticalOpen.isEmpty()) {
            return new ModeState(OperationMode.EMERGENCY, "critical service breaker open: " + String.join(", ", criticalOpen),
                    "automatic", now);
        }
        if (open.size() >= config.mode().emergencyOpenBreakers()) {
            return new ModeState(OperationMode.EMERGENCY, open.size() + " breakers open: " + String.join(", ", open),
                    "automatic", now);
        }
        if (!notClosed.isEmpty()) {
            return new ModeState(OperationMode.DEGRADED, "breaker not closed: " + String.join(", ", notClosed),
                    "automatic", now);
        }
        return new ModeState(OperationMode.NORMAL, "all breakers closed", "automatic", now);
    }
}
