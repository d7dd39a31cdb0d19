package dev.resilient.backend.mode;

/**
 * Seed 004's DegradationReason: which component, what is wrong with it, and how badly. Every mode
 * other than NORMAL carries at least one; NORMAL carries none unless an operator set it.
 *
 * @param component   the status key of what failed ({@code chroma}, {@code job-database}, ...),
 *                    {@code operator} for an override, {@code system} for a rule over several components
 * @param description a sentence that stands alone in a log line or the status (it names the component)
 * @param severity    {@link #NOTICE}, {@link #DEGRADING} or {@link #CRITICAL}, as in seed 004 (2 degraded, 3 critical)
 */
public record DegradationReason(String component, String description, int severity) {

    /** Worth showing, changes nothing by itself (an operator's NORMAL override). */
    public static final int NOTICE = 1;
    /** The backend answers from fallbacks and lighter models: DEGRADED. */
    public static final int DEGRADING = 2;
    /** A critical component or too many components are down: EMERGENCY. */
    public static final int CRITICAL = 3;

    public DegradationReason {
        if (severity < NOTICE || severity > CRITICAL) {
            throw new IllegalArgumentException("severity must be 1, 2 or 3, not " + severity);
        }
    }

    /**
     * The reason an operator's override records: its severity is the mode's (EMERGENCY critical,
     * DEGRADED and MAINTENANCE degrading, NORMAL a notice).
     */
    public static DegradationReason override(OperationMode mode, String reason, String by) {
        int severity = switch (mode) {
            case NORMAL -> NOTICE;
            case DEGRADED, MAINTENANCE -> DEGRADING;
            case EMERGENCY -> CRITICAL;
        };
        return new DegradationReason("operator", reason + " (set by " + by + ")", severity);
    }
}
