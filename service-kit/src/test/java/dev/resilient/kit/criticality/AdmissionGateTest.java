package dev.resilient.kit.criticality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.FixedLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

    private final AtomicLong clock = new AtomicLong();
    private final AdmissionGate.Shares shares = new AdmissionGate.Shares(0.5, 0.75);

    @Test
    void asTheLimitFillsSheddableIsRefusedFirstThenDefaultAndCriticalGetsTheLastPart() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(8), shares, clock::get);
        List<AdmissionGate.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(gate.tryAdmit(Criticality.SHEDDABLE).orElseThrow());
        }
        assertTrue(gate.tryAdmit(Criticality.SHEDDABLE).isEmpty(), "sheddable fills at most half of 8");
        held.add(gate.tryAdmit(Criticality.DEFAULT).orElseThrow());
        held.add(gate.tryAdmit(Criticality.DEFAULT).orElseThrow());
        assertTrue(gate.tryAdmit(Criticality.DEFAULT).isEmpty(), "default fills at most 6 of 8");
        held.add(gate.tryAdmit(Criticality.CRITICAL).orElseThrow());
        held.add(gate.tryAdmit(Criticality.CRITICAL).orElseThrow());
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isEmpty(), "nothing past the limit");

        assertEquals(8, gate.inFlight());
        assertEquals(1, gate.refused(Criticality.SHEDDABLE));
        assertEquals(1, gate.refused(Criticality.DEFAULT));
        assertEquals(1, gate.refused(Criticality.CRITICAL));
        assertEquals(4, gate.admitted(Criticality.SHEDDABLE));
    }

    @Test
    void theGateSaysWhetherItRefusedAnyRequestSinceAGivenTime() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(1), shares, clock::get);
        assertFalse(gate.refusedSince(clock.get()), "nothing refused yet");
        AdmissionGate.Permit held = gate.tryAdmit(Criticality.DEFAULT).orElseThrow();
        clock.addAndGet(5_000);
        long callStarted = clock.get();
        assertFalse(gate.refusedSince(callStarted));
        clock.addAndGet(1_000);
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isEmpty());
        clock.addAndGet(1_000);
        assertTrue(gate.refusedSince(callStarted), "refused while the call ran");
        assertTrue(gate.refusedSince(callStarted + 1_000), "at the very time still counts");
        assertFalse(gate.refusedSince(callStarted + 1_001));
        held.release(false);
    }

    @Test
    void aReleasedPermitMakesRoomOnceEvenWhenReleasedTwice() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(2), shares, clock::get);
        AdmissionGate.Permit first = gate.tryAdmit(Criticality.SHEDDABLE).orElseThrow();
        assertTrue(gate.tryAdmit(Criticality.SHEDDABLE).isEmpty());
        first.release(false);
        first.release(false);
        assertEquals(0, gate.inFlight());
        assertTrue(gate.tryAdmit(Criticality.SHEDDABLE).isPresent());
        assertEquals(1, gate.inFlight());
    }

    @Test
    void thresholdsRoundUpAndNeverFallBelowOne() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(10), new AdmissionGate.Shares(0.3, 0.7), clock::get);
        assertEquals(3, gate.threshold(Criticality.SHEDDABLE));
        assertEquals(7, gate.threshold(Criticality.DEFAULT));
        assertEquals(10, gate.threshold(Criticality.CRITICAL));
        AdmissionGate tiny = new AdmissionGate(FixedLimit.of(1), shares, clock::get);
        assertEquals(1, tiny.threshold(Criticality.SHEDDABLE));
    }

    @Test
    void eachReleaseIsOneSampleOfTheLimitMeasuredOnTheClock() {
        AIMDLimit aimd = AIMDLimit.newBuilder().initialLimit(10).minLimit(1).maxLimit(20).backoffRatio(0.5)
                .timeout(100, TimeUnit.MILLISECONDS).build();
        AdmissionGate gate = new AdmissionGate(aimd, shares, clock::get);
        AdmissionGate.Permit slow = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(150));
        slow.release(false);
        assertEquals(5, gate.limit(), "a request slower than the limit's timeout halves it");
        AdmissionGate.Permit dropped = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        dropped.release(true);
        assertEquals(2, gate.limit(), "a drop halves it too");
        assertEquals(1, gate.threshold(Criticality.SHEDDABLE));
    }

    @Test
    void aRequestWaitingOnADownstreamLeavesTheCountAndComesBackWhateverTheLimit() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(2), shares, clock::get);
        AdmissionGate.Permit waiter = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        AdmissionGate.Permit other = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isEmpty());

        AdmissionGate.Return back = waiter.stepOut();
        AdmissionGate.Return nested = waiter.stepOut();
        assertEquals(1, gate.inFlight());
        assertEquals(1, gate.waitingOnDownstreams());
        AdmissionGate.Permit third = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();

        nested.close();
        assertEquals(2, gate.inFlight(), "out until the last wait ends");
        back.close();
        back.close();
        assertEquals(3, gate.inFlight(), "an admitted request comes back past the limit");
        assertEquals(0, gate.waitingOnDownstreams());
        for (AdmissionGate.Permit p : List.of(waiter, other, third)) {
            p.release(false);
        }
        assertEquals(0, gate.inFlight());
    }

    @Test
    void aRequestReleasedWhileAwayIsCountedOnceAndItsTimeAwayIsNotItsSample() {
        AIMDLimit aimd = AIMDLimit.newBuilder().initialLimit(10).minLimit(1).maxLimit(20).backoffRatio(0.5)
                .timeout(100, TimeUnit.MILLISECONDS).build();
        AdmissionGate gate = new AdmissionGate(aimd, shares, clock::get);
        AdmissionGate.Permit permit = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
        AdmissionGate.Return back = permit.stepOut();
        clock.addAndGet(TimeUnit.SECONDS.toNanos(5));
        permit.release(false);
        back.close();
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.waitingOnDownstreams());
        assertEquals(10, gate.limit(), "5 s away on a downstream is not 5 s of this process' time");
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isPresent());
        assertEquals(1, gate.inFlight());
    }

    @Test
    void criticalRequestsGetInThroughTheirReserveWhenRequestsBackFromADownstreamFillTheLimit() {
        AdmissionGate gate = new AdmissionGate(FixedLimit.of(4), shares, 2, clock::get);
        List<AdmissionGate.Permit> searches = new ArrayList<>();
        List<AdmissionGate.Return> away = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            AdmissionGate.Permit search = gate.tryAdmit(Criticality.DEFAULT).orElseThrow();
            searches.add(search);
            away.add(search.stepOut());
        }
        away.forEach(AdmissionGate.Return::close);
        assertEquals(6, gate.inFlight(), "back from the downstream past the limit of 4");
        assertTrue(gate.tryAdmit(Criticality.DEFAULT).isEmpty());

        AdmissionGate.Permit first = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        AdmissionGate.Permit second = gate.tryAdmit(Criticality.CRITICAL).orElseThrow();
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isEmpty(), "the reserve is 2");
        first.release(false);
        assertTrue(gate.tryAdmit(Criticality.CRITICAL).isPresent(), "a released critical request frees its place");
        second.release(false);
        searches.forEach(p -> p.release(false));
        assertEquals(1, gate.inFlight());
    }

    @Test
    void sharesOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdmissionGate.Shares(0.8, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionGate.Shares(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new AdmissionGate.Shares(0.5, 1.5));
        assertFalse(new AdmissionGate.Shares(1, 1).toString().isEmpty());
    }
}
