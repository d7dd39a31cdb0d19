package dev.resilient.backend.it.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.resilient.backend.support.ServiceProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The soak's choice of backend for each request: round-robin over the ones up, and where a failed request goes next. */
class SoakBackendsTest {

    private static SoakBackends two() {
        // processes that are never started: only their names and lives matter here
        return SoakBackends.of(List.of(new ServiceProcess("backend-api", Map.of()), new ServiceProcess("backend-api", Map.of())));
    }

    @Test
    void requestsAlternateBetweenTwoBackendsThatAreUp() {
        SoakBackends backends = two();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picked.add(backends.pick().name());
        }
        assertEquals(List.of("backend A", "backend B", "backend A", "backend B"), picked);
    }

    @Test
    void aBackendBeingKilledGetsNoRequestUntilItIsRestartedAndFailsOverToTheOther() {
        SoakBackends backends = two();
        SoakBackends.Backend a = backends.all().get(0);
        SoakBackends.Backend b = backends.all().get(1);
        a.life().killing();
        for (int i = 0; i < 3; i++) {
            assertSame(b, backends.pick());
        }
        assertSame(b, backends.other(a));
        assertNull(backends.other(b), "the only other backend is down");
        a.life().restarted();
        assertSame(a, backends.other(b));
    }

    @Test
    void aSingleBackendHasNoneToFailOverTo() {
        SoakBackends one = SoakBackends.of(List.of(new ServiceProcess("backend-api", Map.of())));
        SoakBackends.Backend only = one.all().get(0);
        assertEquals("backend", only.name());
        assertNull(one.other(only));
        assertEquals("chroma", one.keyed(only, "chroma"));
    }

    @Test
    void aWorkerOfAProcessNeverStartedHereIsUnknown() {
        SoakBackends backends = two();
        assertEquals("unknown (4242@host/abcdef12)", backends.nameOfWorker("4242@host/abcdef12"));
        assertEquals("none", backends.nameOfWorker(""));
        assertEquals("backend B: git", backends.keyed(backends.all().get(1), "git"));
    }
}
