package dev.resilient.backend.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.config.AdmissionConfig;
import dev.resilient.kit.criticality.AdmissionGate;
import dev.resilient.kit.criticality.Criticality;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The front door's adaptive limit against a simulated CPU-bound backend on a fake clock: two cores
 * shared by every request in flight (processor sharing, as the OS shares them among busy threads), a
 * mix of a fast endpoint, a medium one and one that also waits 40 ms on a downstream. The limit must
 * keep the admitted requests from queueing when the load is five times what the cores serve, and grow
 * back when the load needs it again.
 */
class FrontDoorLimitTest {

    private static final double CORES = 2;
    /**
     * share of the mix, CPU ms, ms waiting (the CPU is free meanwhile), and 1 when the wait is on a guarded
     * downstream, out of the front door's count, or 0 for a wait it counts (the job store's database, say)
     */
    private static final double[][] MIX = {{0.6, 1.5, 1, 1}, {0.3, 1.0, 0, 0}, {0.1, 3, 40, 1}};
    /** What the cores complete a second: 2 cores / the mix's mean CPU time (1.5 ms). */
    private static final double CAPACITY = CORES * 1000 / (0.6 * 1.5 + 0.3 * 1.0 + 0.1 * 3);

    private long nowNanos;
    private final Random random = new Random(7);
    private final List<Job> inFlight = new ArrayList<>();
    /** Every request that waited on no downstream, admitted and answered, since the test began. */
    private final List<Double> fastLatencies = new ArrayList<>();
    private final FrontDoor door = new FrontDoor(config(OptionalInt.empty()), () -> nowNanos);

    private static final class Job {
        double cpuLeftMs;
        double waitLeftMs;
        double waitedMs;
        boolean waitsOnDownstream;
        long startNanos;
        AdmissionGate.Permit permit;
        /** Open while the job waits on its downstream, out of the front door's count (as BudgetedInterceptor does). */
        AdmissionGate.Return away;
    }

    /** What a stretch of load got: the admitted requests' times, and how many were refused. */
    private record Stretch(List<Double> latenciesMs, long refused, long offered) {
        double p99() {
            List<Double> sorted = latenciesMs.stream().sorted().toList();
            return sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99));
        }

        double goodputPerSecond(int seconds) {
            return latenciesMs.size() / (double) seconds;
        }
    }

    @Test
    void atFiveTimesCapacityTheLimitFallsAndAdmittedRequestsDoNotQueue() {
        Stretch healthy = run(0.5, 20);
        run(5, 20);    // the limit finds its level
        Stretch overload = run(5, 10);

        int limit = door.gate().limit();
        assertTrue(limit < 20, "limit " + limit);
        assertTrue(overload.p99() <= 3 * healthy.p99(), "admitted p99 " + overload.p99() + " ms, healthy " + healthy.p99());
        // not all of it: default requests may fill only three quarters of the limit (the rest is for critical
        // ones, none here), and Vegas keeps the limit where a few requests queue, not more
        assertTrue(overload.goodputPerSecond(10) >= 0.8 * CAPACITY, "goodput " + overload.goodputPerSecond(10) + " of " + CAPACITY);
        assertTrue(overload.refused() > overload.offered() * 3 / 4, overload.refused() + " of " + overload.offered() + " refused");
    }

    @Test
    void theLimitGrowsBackWhenTheLoadNeedsItAgain() {
        run(5, 20);
        int lowered = door.gate().limit();

        // half the requests now wait 200 ms on something the front door counts, taking little CPU: many can
        // be in flight at once
        double[][] waiting = {{0.5, 0.5, 0, 0}, {0.5, 0.2, 200, 0}};
        run(waiting, 1000, 10);    // the limit grows
        Stretch ioBound = run(waiting, 1000, 20);

        int grown = door.gate().limit();
        assertTrue(grown > 2 * lowered, "limit " + lowered + " after the overload, " + grown + " after");
        assertTrue(ioBound.goodputPerSecond(20) > 0.95 * 1000, "goodput " + ioBound.goodputPerSecond(20));
    }

    @Test
    void requestsWaitingOnASlowDownstreamDoNotTakeTheFrontDoorFromTheOthers() {
        // the metastable drill's trigger: at three quarters of capacity, the downstream half the requests
        // call answers in 5 s for 10 s; the other half need only this process
        double[][] healthy = {{0.5, 1.5, 0, 0}, {0.5, 1.5, 2, 1}};
        double perSecond = 0.75 * CORES * 1000 / 1.5;
        run(healthy, perSecond, 10);
        fastLatencies.clear();
        Stretch trigger = run(new double[][] {{0.5, 1.5, 0, 0}, {0.5, 1.5, 5000, 1}}, perSecond, 10);

        long fastServed = fastLatencies.size();
        double fastOffered = trigger.offered() * 0.5;
        assertTrue(fastServed >= 0.95 * fastOffered, fastServed + " of ~" + fastOffered + " requests that need no downstream served");
        assertTrue(door.gate().waitingOnDownstreams() > 1000, door.gate().waitingOnDownstreams() + " waiting, out of the count");
        assertTrue(door.gate().inFlight() < door.gate().limit(), door.gate().inFlight() + " in flight, limit " + door.gate().limit());
    }

    @Test
    void aFixedLimitIsWhatItSays() {
        FrontDoor fixed = new FrontDoor(config(OptionalInt.of(4)), () -> nowNanos);
        assertEquals(4, fixed.gate().limit());
        assertEquals("fixed", fixed.algorithm());
        assertEquals("vegas", door.algorithm());
    }

    private Stretch run(double timesCapacity, int seconds) {
        return run(MIX, CAPACITY * timesCapacity, seconds);
    }

    /** Offers {@code perSecond} requests a second, evenly, for that many seconds; 1 ms steps. */
    private Stretch run(double[][] mix, double perSecond, int seconds) {
        List<Double> latencies = new ArrayList<>();
        long refused = 0;
        long offered = 0;
        double due = 0;
        for (int ms = 0; ms < seconds * 1000; ms++) {
            nowNanos += 1_000_000;
            long onCpu = inFlight.stream().filter(j -> j.cpuLeftMs > 0).count();
            double share = onCpu == 0 ? 0 : Math.min(1, CORES / onCpu);
            for (Iterator<Job> it = inFlight.iterator(); it.hasNext(); ) {
                Job job = it.next();
                if (job.cpuLeftMs > 0) {
                    job.cpuLeftMs -= share;
                } else {
                    if (job.away == null && job.waitLeftMs > 0 && job.waitsOnDownstream) {
                        job.away = job.permit.stepOut();
                    }
                    job.waitLeftMs -= 1;
                }
                if (job.cpuLeftMs <= 0 && job.waitLeftMs <= 0) {
                    it.remove();
                    if (job.away != null) {
                        job.away.close();
                    }
                    job.permit.release(false);
                    latencies.add((nowNanos - job.startNanos) / 1e6);
                    if (job.waitedMs == 0) {
                        fastLatencies.add((nowNanos - job.startNanos) / 1e6);
                    }
                }
            }
            // arrivals last: a request admitted in this millisecond gets the CPU from the next one
            due += perSecond / 1000;
            while (due >= 1) {
                due--;
                offered++;
                Optional<AdmissionGate.Permit> permit = door.gate().tryAdmit(Criticality.DEFAULT);
                if (permit.isEmpty()) {
                    refused++;
                    continue;
                }
                double[] kind = pick(mix);
                Job job = new Job();
                job.cpuLeftMs = kind[1];
                job.waitLeftMs = kind[2];
                job.waitedMs = kind[2];
                job.waitsOnDownstream = kind[3] == 1;
                job.startNanos = nowNanos;
                job.permit = permit.get();
                inFlight.add(job);
            }
        }
        return new Stretch(latencies, refused, offered);
    }

    private double[] pick(double[][] mix) {
        double u = random.nextDouble();
        for (double[] kind : mix) {
            if (u < kind[0]) {
                return kind;
            }
            u -= kind[0];
        }
        return mix[mix.length - 1];
    }

    private static AdmissionConfig config(OptionalInt fixed) {
        return new AdmissionConfig() {
            public boolean enabled() { return true; }
            public OptionalInt fixedLimit() { return fixed; }
            public int initialLimit() { return 20; }
            public int minLimit() { return 16; }
            public int maxLimit() { return 800; }
            public double sheddableShare() { return 0.5; }
            public double defaultShare() { return 0.75; }
            public int criticalReserve() { return 8; }
            public int vegasAlpha() { return 3; }
            public int vegasBeta() { return 6; }
            public int retryAfterSeconds() { return 1; }
        };
    }
}
