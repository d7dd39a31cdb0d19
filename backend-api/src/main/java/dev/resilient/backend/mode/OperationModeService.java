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
 * EMERGENCY), unless an operator has set an override. The override is shared by every backend
 * process through the job database ({@link SharedOverride}). Every change is logged.
 */
@ApplicationScoped
public class OperationModeService {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.mode");

    private final BreakerMonitor breakers;
    private final ModeConfig config;
    private final SharedOverride override;
    private ModeState state = new ModeState(OperationMode.NORMAL, "all breakers closed", "automatic", Instant.now());

    OperationModeService(BreakerMonitor breakers, ModeConfig config, SharedOverride override) {
        this.breakers = breakers;
        this.config = config;
        this.override = override;
    }

    /**
     * The mode in force now: re-derived on each call, so it never lags the breakers; an override set
     * on another process holds here within a second ({@link #refresh}). No I/O: the override is this
     * process's copy, the last one read (kept while the database is unreachable).
     */
    public synchronized ModeState current() {
        ModeState next = override.current().orElseGet(this::derive);
        if (next.mode() != state.mode() || !next.reason().equals(state.reason())) {
            if (next.mode() != state.mode()) {
                LOG.warnf("Operation mode %s -> %s (%s: %s)", state.mode(), next.mode(), next.source(), next.reason());
            }
            state = next.mode() == state.mode() ? new ModeState(next.mode(), next.reason(), next.source(), state.since()) : next;
        }
        return state;
    }

    /**
     * An operator's override, for every backend process; it holds, across restarts too, until
     * {@link #clearOverride} is called.
     *
     * @throws ModeOverrideStore.UnavailableException when the job database cannot be written: the
     *         mode is then unchanged everywhere
     */
    public ModeState override(OperationMode mode, String reason, String by) {
        override.set(mode, reason, by);
        return current();
    }

    /**
     * Hands the mode back to the breakers, on every backend process.
     *
     * @throws ModeOverrideStore.UnavailableException when the job database cannot be written: the
     *         override then still holds everywhere
     */
    public ModeState clearOverride() {
        override.clear();
        return current();
    }

    /**
     * Every second: reloads the shared override (another process may have set or cleared it) and
     * re-derives the mode, so changes are logged even when nobody asks.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        override.refresh();
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
