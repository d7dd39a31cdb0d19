package dev.resilient.backend.mode;

import dev.resilient.backend.config.ModeConfig;
import dev.resilient.backend.probe.DependencyChecks;
import dev.resilient.backend.resilience.BreakerMonitor;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Seed 004's SystemOperationMode: derived from the breakers and the active health checks by
 * {@link ModeRules} (any breaker not closed or check failed: DEGRADED; a critical service down, or
 * {@code backend.mode.emergency-open-breakers} components down: EMERGENCY), unless an operator has set
 * an override, shared by every backend process through the job database ({@link SharedOverride}).
 * Every state carries its {@link DegradationReason}s; every change of mode is logged (WARN), and a
 * change of reasons within a mode too (INFO).
 */
@ApplicationScoped
public class OperationModeService {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.mode");

    private final BreakerMonitor breakers;
    private final DependencyChecks checks;
    private final ModeRules rules;
    private final SharedOverride override;
    private ModeState state = new ModeState(OperationMode.NORMAL, List.of(), ModeState.AUTOMATIC, Instant.now());

    OperationModeService(BreakerMonitor breakers, DependencyChecks checks, ModeConfig config, SharedOverride override) {
        this.breakers = breakers;
        this.checks = checks;
        this.rules = new ModeRules(new TreeSet<>(config.mode().criticalServices().orElse(List.of())),
                config.mode().emergencyOpenBreakers());
        this.override = override;
    }

    /**
     * The mode in force now: re-derived on each call, so it never lags the breakers, nor the latest
     * health checks; an override set on another process holds here within a second ({@link #refresh}).
     * No I/O: the override is this process's copy, the last one read (kept while the database is
     * unreachable), and the checks' results are kept in memory.
     */
    public synchronized ModeState current() {
        return set(override.current().orElseGet(this::automatic));
    }

    /**
     * The mode the breakers and the health checks give, whether or not an override is in force: the
     * evidence the health endpoint reports.
     */
    public ModeState automatic() {
        return rules.decide(breakers.states(), checks.failed(), Instant.now());
    }

    /**
     * An operator's override, for every backend process; it holds, across restarts too, until
     * {@link #clearOverride} is called. Its reason is recorded as a {@link DegradationReason} of
     * component {@code operator}.
     *
     * @throws ModeOverrideStore.UnavailableException when the job database cannot be written: the
     *         mode is then unchanged everywhere
     */
    public ModeState override(OperationMode mode, String reason, String by) {
        override.set(mode, reason, by);
        return current();
    }

    /**
     * Hands the mode back to the breakers and the health checks, on every backend process.
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

    /** Seed 004's {@code set_mode(mode, reason)}: makes {@code next} the state in force and logs the change. */
    private ModeState set(ModeState next) {
        ModeState previous = state;
        state = previous.followedBy(next);
        if (state.mode() != previous.mode()) {
            LOG.warnf("Operation mode %s -> %s (%s: %s)", previous.mode(), state.mode(), state.source(), state.reason());
        } else if (!state.reasons().equals(previous.reasons())) {
            LOG.infof("Operation mode %s, reasons now (%s): %s", state.mode(), state.source(), state.reason());
        }
        return state;
    }
}
