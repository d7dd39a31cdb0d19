package dev.resilient.backend.mode;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The mode in force, the {@link DegradationReason}s it was set with, since when, and whether an
 * operator set it ({@code override}) or it was derived from the breakers and the active health
 * checks ({@code automatic}).
 */
public record ModeState(OperationMode mode, List<DegradationReason> reasons, String source, Instant since) {

    public static final String AUTOMATIC = "automatic";
    public static final String OVERRIDE = "override";

    public ModeState {
        reasons = List.copyOf(reasons);
    }

    /** An operator's override, as the shared store keeps it. */
    public static ModeState override(OperationMode mode, String reason, String by, Instant at) {
        return new ModeState(mode, List.of(DegradationReason.override(mode, reason, by)), OVERRIDE, at);
    }

    /** The reasons in one line (their descriptions, {@code "; "} between), or "all components healthy". */
    public String reason() {
        return reasons.isEmpty() ? "all components healthy"
                : reasons.stream().map(DegradationReason::description).collect(Collectors.joining("; "));
    }

    /**
     * Seed 004's {@code set_mode(mode, reason)} applied to this state: {@code next}, but keeping this
     * state's {@link #since} while the mode stays the same (only its reasons or source changed).
     */
    public ModeState followedBy(ModeState next) {
        return next.mode == mode ? new ModeState(mode, next.reasons, next.source, since) : next;
    }
}
