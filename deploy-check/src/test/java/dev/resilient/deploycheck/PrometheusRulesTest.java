package dev.resilient.deploycheck;

import static dev.resilient.deploycheck.support.Yaml.at;
import static dev.resilient.deploycheck.support.Yaml.list;
import static dev.resilient.deploycheck.support.Yaml.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.resilient.deploycheck.support.Suite;
import dev.resilient.deploycheck.support.Yaml;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alert rules (deploy/prometheus/alerts.yml) are valid, pass their unit tests (alerts.test.yml: each
 * rule firing and not firing, with its labels and annotations) and read metrics the backend exports; both
 * Prometheus configurations are valid. The first three run Prometheus' own {@code promtool}, from Debian's
 * {@code prometheus} package: {@code $PROMTOOL}, else {@code promtool} on the PATH, else the copy
 * {@code ./run-tests} puts in {@code ${XDG_CACHE_HOME:-$HOME/.cache}/resilient-suite/promtool}. Without
 * one they fail (a check that silently skips is no check) and say how to get it.
 */
class PrometheusRulesTest {

    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool");

    private final Suite suite = Suite.get();
    private final Path dir = suite.deploy().resolve("prometheus");

    @Test
    void alertRulesAreValid() {
        promtool("check", "rules", "alerts.yml");
    }

    @Test
    void alertRulesPassTheirUnitTests() {
        promtool("test", "rules", "alerts.test.yml");
    }

    @Test
    void composeAndKubernetesConfigurationsAreValidAndLoadTheRules() {
        for (String config : List.of("prometheus.yml", "prometheus-k8s.yml")) {
            String out = promtool("check", "config", config);
            assertTrue(out.contains("alerts.yml"), config + " loads alerts.yml:\n" + out);
        }
    }

    @Test
    void everyAlertIsTestedFiringAndNotFiringAndIsDocumented() {
        Map<String, Object> tests = Yaml.single(dir.resolve("alerts.test.yml"));
        Set<String> firing = new LinkedHashSet<>();
        Set<String> quiet = new LinkedHashSet<>();
        for (Object test : list(tests.get("tests"))) {
            for (Object check : list(at(test, "alert_rule_test"))) {
                (list(at(check, "exp_alerts")).isEmpty() ? quiet : firing).add(string(at(check, "alertname")));
            }
        }
        String docs = Suite.read(suite.root().resolve("docs/observability.md"));
        for (Map.Entry<String, Map<String, Object>> alert : alerts().entrySet()) {
            String name = alert.getKey();
            assertTrue(firing.contains(name), name + ": alerts.test.yml shows it firing");
            assertTrue(quiet.contains(name), name + ": alerts.test.yml shows it not firing");
            assertTrue(docs.contains("\n### " + name + "\n"), name + ": docs/observability.md has a section '### " + name + "'");
            assertEquals("docs/observability.md#" + name.toLowerCase(Locale.ROOT), at(alert.getValue(), "annotations", "runbook"),
                    name + ": its runbook annotation links that section");
            assertTrue(List.of("warning", "critical").contains(string(at(alert.getValue(), "labels", "severity"))), name + " severity");
        }
    }

    @Test
    void theRulesReadMetricsTheBackendRegistersAndTheirTestsFeedThoseMetrics() {
        Set<String> used = new LinkedHashSet<>();
        alerts().values().forEach(rule -> used.addAll(metricNames(string(rule.get("expr")))));
        assertTrue(used.contains("operation_mode") && used.contains("jobs_backlog_oldest_age_seconds"), used.toString());
        String sources = backendSources();
        for (String metric : used) {
            if (metric.startsWith("ft_") || metric.equals("up")) {
                continue; // SmallRye Fault Tolerance's and Prometheus' own
            }
            String micrometer = metric.replaceFirst("_(total|seconds)$", "").replace('_', '.');
            assertTrue(sources.contains("\"" + micrometer + "\""),
                    metric + " is registered by backend-api as Micrometer meter \"" + micrometer + "\"");
        }
        Set<String> fed = new LinkedHashSet<>();
        for (Object test : list(Yaml.single(dir.resolve("alerts.test.yml")).get("tests"))) {
            for (Object series : list(at(test, "input_series"))) {
                String s = string(at(series, "series"));
                fed.add(s.substring(0, s.indexOf('{')));
            }
        }
        assertEquals(used, fed, "the unit tests feed exactly the metrics the rules read");
    }

    // --- the rule file ---

    /** Every alerting rule of alerts.yml, by name. */
    private Map<String, Map<String, Object>> alerts() {
        Map<String, Map<String, Object>> alerts = new LinkedHashMap<>();
        for (Object group : list(Yaml.single(dir.resolve("alerts.yml")).get("groups"))) {
            for (Object rule : list(at(group, "rules"))) {
                if (at(rule, "alert") != null) {
                    alerts.put(string(at(rule, "alert")), Yaml.map(rule));
                }
            }
        }
        assertFalse(alerts.isEmpty());
        return alerts;
    }

    /** The metric names an expression selects: identifiers that are not functions, keywords or label names. */
    static Set<String> metricNames(String expr) {
        String e = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // strings
                .replaceAll("\\{[^}]*}", "") // label matchers
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "") // label lists
                .replaceAll("\\[[^]]*]", ""); // ranges
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(e);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private String backendSources() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(suite.root().resolve("backend-api/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Suite.read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    // --- promtool ---

    /** Runs promtool in deploy/prometheus; fails with its output unless it exits 0. */
    private String promtool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(promtoolPath().toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 60 s:\n" + out);
            }
            assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + " (in deploy/prometheus) failed:\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** $PROMTOOL, else promtool on the PATH, else ./run-tests' cached copy; fails saying how to get one. */
    static Path promtoolPath() {
        String env = System.getenv("PROMTOOL");
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env);
            assertTrue(Files.isExecutable(p), "PROMTOOL=" + env + " is not an executable file");
            return p;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, "promtool"))) {
                return Path.of(entry, "promtool");
            }
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
                .resolve("resilient-suite/promtool");
        if (Files.isExecutable(cache)) {
            return cache;
        }
        return fail("promtool not found (not in $PROMTOOL, not on the PATH, not at " + cache + "). Run ./run-tests, which "
                + "installs it there from Debian's prometheus package, or `apt-get install prometheus` (or set PROMTOOL)");
    }
}
