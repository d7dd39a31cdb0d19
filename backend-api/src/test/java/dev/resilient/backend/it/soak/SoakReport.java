package dev.resilient.backend.it.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The soak's Markdown report: the invariants checked (each passed or failed) and the counts behind them. */
public final class SoakReport {

    private record Check(String name, String expected, String actual, boolean ok) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final StringBuilder header = new StringBuilder();
    private final StringBuilder body = new StringBuilder();

    public void line(String text) {
        header.append(text).append('\n');
    }

    public boolean check(String name, Object expected, Object actual, boolean ok) {
        checks.add(new Check(name, String.valueOf(expected), String.valueOf(actual), ok));
        return ok;
    }

    /** A table of counts. */
    public void table(String title, String column, Map<String, ?> rows) {
        table(title, column, "count", rows);
    }

    public void table(String title, String column, String valueColumn, Map<String, ?> rows) {
        body.append("\n## ").append(title).append("\n\n| ").append(column).append(" | ").append(valueColumn)
                .append(" |\n|---|---:|\n");
        if (rows.isEmpty()) {
            body.append("| (none) | - |\n");
        }
        rows.forEach((k, v) -> body.append("| ").append(k.replace("|", "\\|")).append(" | ").append(v).append(" |\n"));
    }

    /** Requests as one row per endpoint and one column per outcome. */
    public void requests(Map<String, Long> byEndpointAndOutcome) {
        Map<String, Map<String, Long>> grid = new java.util.TreeMap<>();
        java.util.Set<String> outcomes = new java.util.TreeSet<>();
        byEndpointAndOutcome.forEach((k, v) -> {
            String[] parts = k.split(" \\| ", 2);
            grid.computeIfAbsent(parts[0], e -> new java.util.TreeMap<>()).put(parts[1], v);
            outcomes.add(parts[1]);
        });
        body.append("\n## Requests to the backend, by endpoint and outcome\n\n| endpoint | ")
                .append(String.join(" | ", outcomes)).append(" | total |\n|---|");
        outcomes.forEach(o -> body.append("---:|"));
        body.append("---:|\n");
        grid.forEach((endpoint, row) -> {
            body.append("| `").append(endpoint).append("` | ");
            outcomes.forEach(o -> body.append(row.getOrDefault(o, 0L)).append(" | "));
            body.append(row.values().stream().mapToLong(Long::longValue).sum()).append(" |\n");
        });
    }

    public void text(String title, String text) {
        body.append("\n## ").append(title).append("\n\n").append(text).append('\n');
    }

    public List<String> failures() {
        return checks.stream().filter(c -> !c.ok()).map(c -> c.name() + ": expected " + c.expected() + ", got " + c.actual()).toList();
    }

    public String render() {
        StringBuilder md = new StringBuilder("# Chaos soak report\n\n").append(header);
        md.append("\n## Invariants\n\n| check | expected | actual | result |\n|---|---|---|---|\n");
        checks.forEach(c -> md.append("| ").append(c.name()).append(" | ").append(c.expected()).append(" | ").append(c.actual())
                .append(" | ").append(c.ok() ? "PASS" : "**FAIL**").append(" |\n"));
        return md.append(body).toString();
    }

    public Path write(String file) {
        Path path = Path.of(file);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }
}
