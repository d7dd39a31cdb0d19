package dev.resilient.backend.mode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seed 004's health-to-mode rules, over both kinds of evidence: the breakers (what user traffic found)
 * and the active health checks (what the scheduled checks found, with no traffic). Each breaker not
 * closed and each failed check is a {@link DegradationReason}: critical when the component is one of
 * {@code backend.mode.critical-services} and down (breaker open or check failed), degrading otherwise;
 * {@code backend.mode.emergency-open-breakers} components down at once add a critical one. Any critical
 * reason gives EMERGENCY, any other DEGRADED, none NORMAL. A pure function of its inputs and {@code now}.
 */
final class ModeRules {

    private final Set<String> critical;
    private final int emergencyDown;

    ModeRules(Set<String> critical, int emergencyDown) {
        this.critical = Set.copyOf(critical);
        this.emergencyDown = emergencyDown;
    }

    /**
     * @param breakers     breaker state by component ({@code closed}, {@code open}, {@code half_open})
     * @param failedChecks why each component whose latest active check failed did so
     * @param now          the new state's start, should the mode change
     */
    ModeState decide(Map<String, String> breakers, Map<String, String> failedChecks, Instant now) {
        List<DegradationReason> reasons = new ArrayList<>();
        Set<String> down = new TreeSet<>();
        breakers.forEach((component, state) -> {
            if (!state.equals("closed")) {
                boolean open = state.equals("open");
                if (open) {
                    down.add(component);
                }
                reasons.add(new DegradationReason(component, component + " breaker " + state,
                        open && critical.contains(component) ? DegradationReason.CRITICAL : DegradationReason.DEGRADING));
            }
        });
        failedChecks.forEach((component, why) -> {
            down.add(component);
            reasons.add(new DegradationReason(component, component + " health check failed: " + why,
                    critical.contains(component) ? DegradationReason.CRITICAL : DegradationReason.DEGRADING));
        });
        if (down.size() >= emergencyDown) {
            reasons.add(new DegradationReason("system", down.size() + " components down: " + String.join(", ", down),
                    DegradationReason.CRITICAL));
        }
        OperationMode mode = reasons.stream().anyMatch(r -> r.severity() == DegradationReason.CRITICAL) ? OperationMode.EMERGENCY
                : reasons.stream().anyMatch(r -> r.severity() >= DegradationReason.DEGRADING) ? OperationMode.DEGRADED
                : OperationMode.NORMAL;
        return new ModeState(mode, reasons, ModeState.AUTOMATIC, now);
    }
}
