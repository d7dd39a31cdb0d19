package dev.resilient.kit.criticality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CriticalityHeaderTest {

    @Test
    void aCallerMayLowerItsRequestsCriticalityButNeverRaiseIt() {
        assertEquals(Criticality.SHEDDABLE, CriticalityHeader.effective(Criticality.DEFAULT, "sheddable"));
        assertEquals(Criticality.DEFAULT, CriticalityHeader.effective(Criticality.CRITICAL, " Default "));
        assertEquals(Criticality.SHEDDABLE, CriticalityHeader.effective(Criticality.SHEDDABLE, "critical"));
        assertEquals(Criticality.DEFAULT, CriticalityHeader.effective(Criticality.DEFAULT, "critical"));
        assertEquals(Criticality.CRITICAL, CriticalityHeader.effective(Criticality.CRITICAL, null));
        assertEquals(Criticality.DEFAULT, CriticalityHeader.effective(Criticality.DEFAULT, " "));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheHeaderAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CriticalityHeader.parse("urgent"));
        assertEquals("X-Request-Criticality must be critical, default or sheddable, got 'urgent'", e.getMessage());
        assertEquals(Optional.of(Criticality.CRITICAL), CriticalityHeader.parse("CRITICAL"));
    }
}
