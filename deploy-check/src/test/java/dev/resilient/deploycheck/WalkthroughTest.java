package dev.resilient.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.resilient.deploycheck.support.Suite;
import dev.resilient.deploycheck.support.WalkthroughExpectation;
import dev.resilient.deploycheck.support.WalkthroughReadme;
import dev.resilient.deploycheck.support.WalkthroughReport;
import dev.resilient.deploycheck.support.WalkthroughRun;
import dev.resilient.deploycheck.support.WalkthroughScript;
import dev.resilient.deploycheck.support.WalkthroughStep;
import dev.resilient.deploycheck.support.WalkthroughSuite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README.md's walk-through ("Walk-through: break chroma and watch the backend cope") prints what it
 * says it prints.
 *
 * <p><b>What is read.</b> The section's one {@code ```bash} block ({@link WalkthroughReadme}): each
 * command (a line ending in {@code \} continues on the next; a trailing {@code  # remark} stays, bash
 * ignores it), followed by zero or more indented {@code # text} lines, what it prints. A comment at
 * column 0 is narrative.
 *
 * <p><b>What is checked</b> ({@link WalkthroughExpectation}): a command's expected lines, joined with
 * line breaks, are split at every {@code ...}; whitespace next to a split point is trimmed, empty
 * pieces dropped; every remaining fragment must occur literally in the command's output (stdout and
 * stderr together), in order. Nothing is anchored at the start or end of the output. Every mismatch is
 * reported at once, with the command, the fragments (found / missing) and the actual output, truncated.
 * The section must hold at least {@value #MIN_EXPECTATIONS} commands with an expectation, so that a
 * README edit the parser misreads cannot make the test pass on nothing.
 *
 * <p><b>How it runs.</b> Exactly the README's command lines, in order, in one bash session (a variable
 * a command sets, such as TOKEN, H or JOB, reaches the later ones), from the repository root
 * ({@link WalkthroughScript}). The one rewrite: {@code localhost:5000} becomes
 * {@code localhost:<the backend's port>}. The suite is the real one the walk-through's own
 * {@code deploy/suite up} starts, with the launcher's defaults, but isolated ({@link WalkthroughSuite}):
 * {@code SUITE_RUN_DIR} and {@code SUITE_SECRETS} in a fresh temporary directory, a free port for every
 * {@code *_PORT} variable of the launcher, and only PATH, HOME, the locale and a few more passed on
 * from the environment. {@code deploy/suite down} runs afterwards in any case (and the directory is
 * deleted). The whole run is limited to {@link #LIMIT}; it takes about two minutes, most of it the
 * walk-through's {@code sleep 61} (the breaker's real 60 s delay).
 *
 * <p><b>What it needs.</b> The packaged services ({@code <module>/target/quarkus-app/quarkus-run.jar}):
 * in {@code ./mvnw verify} deploy-check comes after every service module, so they are there and
 * current. Alone ({@code -pl deploy-check}) it runs whatever was packaged last, and fails if nothing
 * was rather than let {@code deploy/suite up} build for minutes inside the test. Every command's full
 * output, the script that ran and the services' logs are kept in {@code deploy-check/target/walkthrough/}.
 */
class WalkthroughTest {

    static final int MIN_EXPECTATIONS = 10;
    static final Duration LIMIT = Duration.ofMinutes(8);

    private final Suite suite = Suite.get();

    @Test
    void theWalkthroughReadsAsCommandsWithEnoughExpectations() {
        List<WalkthroughStep> steps = WalkthroughReadme.steps(suite.root().resolve("README.md"));
        long withExpectation = steps.stream().filter(WalkthroughStep::hasExpectation).count();
        assertTrue(withExpectation >= MIN_EXPECTATIONS, "only " + withExpectation + " of the walk-through's "
                + steps.size() + " commands have an expected output (at least " + MIN_EXPECTATIONS + "): " + steps);
        for (WalkthroughStep step : steps) {
            if (step.hasExpectation()) {
                assertFalse(step.expectation().fragments().isEmpty(),
                        "README.md line " + step.line() + ": the expected output " + step.expected() + " asks for nothing");
            }
        }
        assertTrue(steps.get(0).command().startsWith("deploy/suite up"),
                "the walk-through starts the suite itself (its first command is deploy/suite up): " + steps.get(0));
    }

    @Test
    void theReadingRulesDoWhatTheJavadocSays() {
        String markdown = String.join("\n",
                "# Title", "", WalkthroughReadme.HEADING, "text", "```bash",
                "A=1   # a remark stays in the command",
                "    # out ...",
                "# narrative",
                "echo \\",
                "  two",
                "      # ...x...",
                "      # ...y",
                "",
                "true",
                "```", "## Next", "```bash", "not read", "```");
        List<WalkthroughStep> steps = WalkthroughReadme.parse(markdown);
        assertEquals(List.of(
                new WalkthroughStep(6, "A=1   # a remark stays in the command", List.of("out ...")),
                new WalkthroughStep(9, "echo \\\n  two", List.of("...x...", "...y")),
                new WalkthroughStep(14, "true", List.of())), steps);
        assertEquals(List.of("x", "y"), steps.get(1).expectation().fragments());
        assertThrows(IllegalStateException.class, () -> WalkthroughReadme.parse(
                String.join("\n", WalkthroughReadme.HEADING, "```bash", "# narrative", "  # orphan", "```")));

        WalkthroughExpectation e = WalkthroughExpectation.of(List.of("\"state\":\"succeeded\",...,\"saved\":2 ..."));
        assertEquals(List.of("\"state\":\"succeeded\",", ",\"saved\":2"), e.fragments());
        assertTrue(e.matches("{\"id\":1,\"state\":\"succeeded\",\"x\":0,\"saved\":2}"));
        assertEquals(1, e.firstMissing("\"saved\":2,\"state\":\"succeeded\","), "in order");
        WalkthroughExpectation lines = WalkthroughExpectation.of(List.of("a", "b"));
        assertTrue(lines.matches("x\na\nb\ny"));
        assertFalse(lines.matches("a\nx\nb"), "lines with no ... between them are consecutive");

        assertEquals("curl http://localhost:7123/v1 http://localhost:50001",
                WalkthroughScript.rewrite("curl http://localhost:5000/v1 http://localhost:50001", 7123));
    }

    @Test
    void theReadmesWalkthroughPrintsWhatItSays() throws Exception {
        List<WalkthroughStep> steps = WalkthroughReadme.steps(suite.root().resolve("README.md"));
        assertTrue(steps.stream().filter(WalkthroughStep::hasExpectation).count() >= MIN_EXPECTATIONS,
                "too few expectations: see theWalkthroughReadsAsCommandsWithEnoughExpectations");
        List<Path> missing = WalkthroughSuite.missingJars(suite);
        if (!missing.isEmpty()) {
            fail("the walk-through needs the packaged services, missing: " + missing + ". Package them first"
                    + " (./mvnw -B install -DskipTests), or run the whole build (./mvnw -B verify), where deploy-check"
                    + " comes after every service module");
        }
        Path keep = Files.createDirectories(suite.root().resolve("deploy-check/target/walkthrough"));
        WalkthroughRun run;
        try (WalkthroughSuite isolated = WalkthroughSuite.isolated(suite.root())) {
            run = WalkthroughRun.run(steps, isolated.backendPort(), suite.root(), isolated.dir(), isolated.env(), LIMIT);
            Files.writeString(keep.resolve("walkthrough.sh"), run.script());
            Files.writeString(keep.resolve("transcript.txt"), WalkthroughReport.transcript(run));
            isolated.copyLogsTo(keep.resolve("logs"));
        }
        System.out.println("WalkthroughTest: " + steps.size() + " commands in " + run.took().toSeconds()
                + " s; transcript in " + suite.root().relativize(keep.resolve("transcript.txt")));

        List<String> mismatches = WalkthroughReport.mismatches(run);
        if (run.timedOut() || !mismatches.isEmpty()) {
            fail((run.timedOut() ? "the walk-through did not finish within " + LIMIT + "\n" : "")
                    + mismatches.size() + " of the walk-through's expectations do not hold (full outputs in "
                    + suite.root().relativize(keep.resolve("transcript.txt")) + "):\n\n"
                    + String.join("\n", mismatches)
                    + (run.shellOutput().isBlank() ? "" : "\nthe shell itself printed:\n" + run.shellOutput()));
        }
    }
}
