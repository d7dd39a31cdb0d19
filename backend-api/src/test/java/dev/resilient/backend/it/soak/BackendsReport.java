package dev.resilient.backend.it.soak;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backends' part of the soak report: how many, on which database, each one's kills and restarts,
 * the requests sent on to another backend because theirs was being killed (failovers), and the jobs
 * each one ran ({@code processed_by} of the finished jobs). Checks: every backend killed at least once
 * and restarted as often; with several, each ran jobs.
 */
public final class BackendsReport {

    private BackendsReport() {
    }

    /** @param processedBy each finished accepted job's {@code processed_by}, by job id */
    public static void add(SoakReport r, SoakBackends backends, SoakStats stats, Map<String, String> processedBy) {
        Map<String, Long> jobsBy = new TreeMap<>();
        processedBy.values().forEach(w -> jobsBy.merge(backends.nameOfWorker(w), 1L, Long::sum));
        StringBuilder kills = new StringBuilder();
        boolean everyKilled = true;
        boolean everyRan = true;
        for (SoakBackends.Backend b : backends.all()) {
            long killed = stats.get("kills", b.name() + " (SIGKILL)");
            long restarted = stats.get("restarts", b.name());
            kills.append(kills.length() == 0 ? "" : "; ").append(b.name()).append(": ").append(killed).append(" killed, ")
                    .append(restarted).append(" restarted");
            everyKilled &= killed >= 1 && restarted == killed;
            everyRan &= jobsBy.getOrDefault(b.name(), 0L) >= 1;
        }
        r.check(backends.size() == 1 ? "backend killed (SIGKILL) and restarted" : "each backend killed (SIGKILL, in turn) and restarted",
                backends.size() == 1 ? ">= 1" : ">= 1 each", kills, everyKilled);
        if (backends.size() > 1) {
            r.check("jobs run by each backend (processed_by)", ">= 1 each", jobsBy, everyRan);
        }

        Map<String, Object> rows = new LinkedHashMap<>();
        for (SoakBackends.Backend b : backends.all()) {
            rows.put(b.name() + ": killed (SIGKILL)", stats.get("kills", b.name() + " (SIGKILL)"));
            rows.put(b.name() + ": restarted", stats.get("restarts", b.name()));
            rows.put(b.name() + ": jobs run (processed_by of finished jobs)", jobsBy.getOrDefault(b.name(), 0L));
        }
        jobsBy.forEach((name, n) -> {
            if (backends.all().stream().noneMatch(b -> b.name().equals(name))) {
                rows.put("jobs run by " + name, n);
            }
        });
        rows.put("failovers (a request sent on to another backend: its own was being killed)", stats.total("failovers"));
        r.table("Backends: kills, jobs run, failovers", "what", "value", rows);
        if (backends.size() > 1) {
            r.table("Failovers, by endpoint and backends", "endpoint | from -> to", stats.table("failovers"));
        }
    }
}
