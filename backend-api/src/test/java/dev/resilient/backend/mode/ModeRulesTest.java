package dev.resilient.backend.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The mode from both kinds of evidence: a failed active check weighs as an open breaker does. */
class ModeRulesTest {

    private static final Instant NOW = Instant.parse("2025-11-15T10:30:00Z");
    private final ModeRules rules = new ModeRules(Set.of("billing", "job-database"), 3);

    @Test
    void everyBreakerClosedAndEveryCheckPassingIsNormalWithoutReasons() {
        ModeState s = rules.decide(breakers(), Map.of(), NOW);
        assertEquals(OperationMode.NORMAL, s.mode());
        assertEquals(List.of(), s.reasons());
        assertEquals(ModeState.AUTOMATIC, s.source());
        assertEquals(NOW, s.since());
    }

    @Test
    void aFailedCheckDegradesWithItsOwnReasonWhileEveryBreakerIsClosed() {
        ModeState s = rules.decide(breakers(), Map.of("git", "connection refused"), NOW);
        assertEquals(OperationMode.DEGRADED, s.mode());
        assertEquals(List.of(new DegradationReason("git", "git health check failed: connection refused",
                DegradationReason.DEGRADING)), s.reasons());
    }

    @Test
    void anOpenOrHalfOpenBreakerDegrades() {
        assertEquals(OperationMode.DEGRADED, rules.decide(breakers("chroma", "open"), Map.of(), NOW).mode());
        ModeState halfOpen = rules.decide(breakers("billing", "half_open"), Map.of(), NOW);
        assertEquals(OperationMode.DEGRADED, halfOpen.mode(), "a critical service's probe call is not an outage");
        assertEquals("billing breaker half_open", halfOpen.reason());
    }

    @Test
    void aCriticalComponentDownIsAnEmergencyWhicheverEvidenceSaysSo() {
        ModeState open = rules.decide(breakers("billing", "open"), Map.of(), NOW);
        assertEquals(OperationMode.EMERGENCY, open.mode());
        assertEquals(DegradationReason.CRITICAL, open.reasons().get(0).severity());
        ModeState checked = rules.decide(breakers(), Map.of("job-database", "timed out"), NOW);
        assertEquals(OperationMode.EMERGENCY, checked.mode());
        assertEquals("job-database", checked.reasons().get(0).component());
    }

    @Test
    void threeComponentsDownAtOnceAreAnEmergencyEachCountedOnce() {
        Map<String, String> failed = new LinkedHashMap<>();
        failed.put("chroma", "connection refused");
        failed.put("git", "timed out");
        ModeState two = rules.decide(breakers("chroma", "open"), failed, NOW);
        assertEquals(OperationMode.DEGRADED, two.mode(), "chroma's open breaker and failed check are one component down");
        assertEquals(3, two.reasons().size());

        failed.put("auth", "connection refused");
        ModeState three = rules.decide(breakers("chroma", "open"), failed, NOW);
        assertEquals(OperationMode.EMERGENCY, three.mode());
        assertEquals(new DegradationReason("system", "3 components down: auth, chroma, git", DegradationReason.CRITICAL),
                three.reasons().get(three.reasons().size() - 1));
    }

    /** Every downstream's breaker closed, but for the pairs given ({@code key, state, ...}). */
    private static Map<String, String> breakers(String... overrides) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String d : List.of("chroma", "filesystem", "billing", "git", "llm-primary", "llm-secondary")) {
            states.put(d, "closed");
        }
        for (int i = 0; i < overrides.length; i += 2) {
            states.put(overrides[i], overrides[i + 1]);
        }
        return states;
    }
}
