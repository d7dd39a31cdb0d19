package dev.resilient.backend.it.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other users' view of the backend, phase by phase (e.g. "A: calm, no attacker", "B: calm,
 * attacker"): each answer's latency and whether the user was served. Served: 2xx, or a 429 naming the
 * user's own per-user LLM limit (the user's own doing). Not served: 5xx (documented 503s too), no
 * answer, and any other 4xx (a shared limit such as the backend's LLM rate limit as a whole, or a
 * quota someone else filled).
 */
public final class PhaseMeter {

    /** A phase's figures: answers, served, p50 and p99 latency in ms. */
    public record Figures(int answers, int served, long p50Ms, long p99Ms) {
        public double servedRate() {
            return answers == 0 ? 0 : (double) served / answers;
        }
    }

    private final Map<String, List<long[]>> samples = new ConcurrentHashMap<>();
    private volatile String phase;

    /** Records into {@code name} from now on; null records nothing. */
    public void phase(String name) {
        this.phase = name;
    }

    void record(String endpoint, BackendCalls.Outcome o, long nanos) {
        String p = phase;
        if (p != null) {
            samples.computeIfAbsent(p, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {nanos, served(o) ? 1 : 0});
        }
    }

    static boolean served(BackendCalls.Outcome o) {
        if (o.status() >= 200 && o.status() < 300) {
            return true;
        }
        return o.status() == 429 && o.body() != null && o.body().contains("your limit of");
    }

    /** The figures of a phase (all zero when it recorded nothing). */
    public Figures figures(String name) {
        List<long[]> list = samples.getOrDefault(name, List.of());
        long[] latencies;
        int served = 0;
        synchronized (list) {
            latencies = new long[list.size()];
            for (int i = 0; i < list.size(); i++) {
                latencies[i] = list.get(i)[0];
                served += (int) list.get(i)[1];
            }
        }
        java.util.Arrays.sort(latencies);
        return new Figures(latencies.length, served, percentileMs(latencies, 50), percentileMs(latencies, 99));
    }

    /** Every phase's figures, by phase name. */
    public Map<String, Figures> all() {
        Map<String, Figures> all = new LinkedHashMap<>();
        new java.util.TreeSet<>(samples.keySet()).forEach(p -> all.put(p, figures(p)));
        return all;
    }

    /** Nearest-rank percentile. */
    static long percentileMs(long[] sortedNanos, int percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1_000_000;
    }

    /** (b - a) / a, as a fraction; 0 when a is 0. */
    public static double relative(double a, double b) {
        return a == 0 ? 0 : (b - a) / a;
    }
}
