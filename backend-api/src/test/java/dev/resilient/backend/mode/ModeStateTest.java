package dev.resilient.backend.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Seed 004's set_mode on fixed instants: a mode starts when it changes, not when its reasons do. */
class ModeStateTest {

    private static final Instant T0 = Instant.parse("2025-11-15T10:30:00Z");
    private static final DegradationReason CHROMA = new DegradationReason("chroma", "chroma breaker open", 2);
    private static final DegradationReason GIT = new DegradationReason("git", "git health check failed: timed out", 2);

    @Test
    void newReasonsWithinTheSameModeKeepItsStart() {
        ModeState degraded = new ModeState(OperationMode.DEGRADED, List.of(CHROMA), ModeState.AUTOMATIC, T0);
        ModeState later = degraded.followedBy(
                new ModeState(OperationMode.DEGRADED, List.of(CHROMA, GIT), ModeState.AUTOMATIC, T0.plusSeconds(40)));
        assertEquals(T0, later.since());
        assertEquals(List.of(CHROMA, GIT), later.reasons());
        assertEquals("chroma breaker open; git health check failed: timed out", later.reason());
    }

    @Test
    void aNewModeStartsAtItsOwnTime() {
        ModeState normal = new ModeState(OperationMode.NORMAL, List.of(), ModeState.AUTOMATIC, T0);
        ModeState degraded = normal.followedBy(
                new ModeState(OperationMode.DEGRADED, List.of(GIT), ModeState.AUTOMATIC, T0.plusSeconds(10)));
        assertEquals(T0.plusSeconds(10), degraded.since());
        assertEquals("all components healthy", normal.reason());
    }

    @Test
    void anOverrideRecordsTheOperatorsReasonWithTheModesSeverity() {
        ModeState s = ModeState.override(OperationMode.MAINTENANCE, "moving racks", "admin", T0);
        assertEquals(List.of(new DegradationReason("operator", "moving racks (set by admin)", DegradationReason.DEGRADING)),
                s.reasons());
        assertEquals(ModeState.OVERRIDE, s.source());
        assertEquals(DegradationReason.CRITICAL, DegradationReason.override(OperationMode.EMERGENCY, "x", "a").severity());
        assertEquals(DegradationReason.NOTICE, DegradationReason.override(OperationMode.NORMAL, "x", "a").severity());
    }

    @Test
    void aSeverityOutsideOneToThreeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DegradationReason("chroma", "x", 4));
    }
}
