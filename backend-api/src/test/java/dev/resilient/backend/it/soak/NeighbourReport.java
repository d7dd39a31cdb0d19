package dev.resilient.backend.it.soak;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The noisy neighbour's part of the soak report (issue 17): the other users' served rate and p99 in
 * the calm phase without the attacker (A) and with her (B), and the breakers that opened during B.
 * Invariants: no breaker opens in B, the served rate in B is at most 10 % (relative) below A's, and, in
 * a soak of 5 minutes or more, B's p99 is at most 10 % above A's (shorter phases on a shared machine
 * are too few requests for a p99 to mean anything: reported, not checked).
 */
public final class NeighbourReport {

    static final double TOLERANCE = 0.10;

    private NeighbourReport() {
    }

    public static void add(SoakReport r, SoakSettings settings, PhaseMeter meter, Map<String, Integer> openings, SoakStats attack) {
        Map<String, PhaseMeter.Figures> phases = meter.all();
        PhaseMeter.Figures a = meter.figures(firstStarting(phases, "A"));
        PhaseMeter.Figures b = meter.figures(firstStarting(phases, "B"));
        double rate = PhaseMeter.relative(a.servedRate(), b.servedRate());
        double p99 = PhaseMeter.relative(a.p99Ms(), b.p99Ms());
        int opened = BreakerWatch.openings(openings);
        r.check("breakers opened while the attacker ran alone (calm phase B)", 0, opened + " " + openings, opened == 0);
        r.check("other users' served rate, phase B vs A (relative)", ">= -10%", percent(rate) + " (" + share(a.servedRate())
                + " -> " + share(b.servedRate()) + ")", a.answers() > 0 && b.answers() > 0 && rate >= -TOLERANCE);
        String p99Actual = percent(p99) + " (" + a.p99Ms() + " ms -> " + b.p99Ms() + " ms)";
        if (settings.comparesLatency()) {
            r.check("other users' p99 latency, phase B vs A (relative)", "<= +10%", p99Actual, p99 <= TOLERANCE);
        } else {
            r.check("other users' p99 latency, phase B vs A (relative; checked from 5-minute soaks on)", "<= +10% (reported only)",
                    p99Actual, true);
        }
        StringBuilder t = new StringBuilder("| phase | answers | served | served rate | p50 | p99 |\n|---|---:|---:|---:|---:|---:|\n");
        phases.forEach((name, f) -> t.append("| ").append(name).append(" | ").append(f.answers()).append(" | ").append(f.served())
                .append(" | ").append(share(f.servedRate())).append(" | ").append(f.p50Ms()).append(" ms | ").append(f.p99Ms())
                .append(" ms |\n"));
        t.append("\nB vs A: served rate ").append(percent(rate)).append(", p99 ").append(percent(p99))
                .append(" (target: within 10 %). Served: 2xx, or a 429 naming the user's own LLM limit; calm phases of ")
                .append(settings.calmSeconds()).append(" s each, both LLMs answering in 700 ms (longer than the attacker's deadline).\n");
        r.text("Other users with and without the noisy neighbour (carol)", t.toString());
        Map<String, Object> breakerRows = new LinkedHashMap<>(openings);
        r.table("Breakers opened during phase B (status samples per breaker; SmallRye's counter of openings, -1: not exposed)",
                "breaker", "openings", breakerRows);
        r.table("The attacker's requests, by attack and answer", "attack: answer", attack.table("attacks"));
        r.check("the attacker's 5xx other than the documented 503s", 0, attack.violations().size() + " " + attack.violations(),
                attack.violations().isEmpty());
        r.table("The attacker's requests to the backend, by endpoint and outcome", "endpoint, outcome", attack.table("requests"));
    }

    private static String firstStarting(Map<String, PhaseMeter.Figures> phases, String prefix) {
        return phases.keySet().stream().filter(k -> k.startsWith(prefix)).findFirst().orElse(prefix);
    }

    static String share(double fraction) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String percent(double fraction) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", fraction * 100).replace("+", fraction == 0 ? "" : "+");
    }
}
