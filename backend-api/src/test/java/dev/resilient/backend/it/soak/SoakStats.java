package dev.resilient.backend.it.soak;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters of a soak run, by table and row (e.g. table "faults", row "chroma error"), and the violations seen. */
public final class SoakStats {

    private final Map<String, Map<String, LongAdder>> tables = new ConcurrentHashMap<>();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    public void count(String table, String row) {
        tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).computeIfAbsent(row, r -> new LongAdder()).increment();
    }

    public long get(String table, String row) {
        LongAdder a = tables.getOrDefault(table, Map.of()).get(row);
        return a == null ? 0 : a.sum();
    }

    /** A table's rows, sorted by name. */
    public Map<String, Long> table(String table) {
        Map<String, Long> rows = new TreeMap<>();
        tables.getOrDefault(table, Map.of()).forEach((k, v) -> rows.put(k, v.sum()));
        return rows;
    }

    public long total(String table) {
        return table(table).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Something the soak must never see; the first 50 are kept word for word. */
    public void violation(String what) {
        count("violations", what.length() > 60 ? what.substring(0, 60) : what);
        synchronized (violations) {
            if (violations.size() < 50) {
                violations.add(what);
            }
        }
    }

    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }
}
