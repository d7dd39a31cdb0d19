package dev.resilient.deploycheck.support;

import dev.resilient.deploycheck.support.WalkthroughRun.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * The walk-through's outcome in words: every command whose output does not match its expectation
 * (all of them at once, with the command, the expected fragments and the actual output, truncated),
 * and a transcript of every command with its full output.
 */
public final class WalkthroughReport {

    /** Characters of an output kept from its start and from its end when it is longer than twice this. */
    private static final int KEEP = 1500;

    private WalkthroughReport() {
    }

    /** One entry per command with an expectation that its output does not meet (or that did not run). */
    public static List<String> mismatches(WalkthroughRun run) {
        List<String> mismatches = new ArrayList<>();
        for (Output output : run.outputs()) {
            WalkthroughStep step = output.step();
            if (!step.hasExpectation()) {
                continue;
            }
            WalkthroughExpectation expectation = step.expectation();
            if (output.text() == null) {
                mismatches.add(header(step) + "  did not run" + (run.timedOut() ? " (time limit reached)" : "") + "\n");
                continue;
            }
            int missing = expectation.firstMissing(output.text());
            if (missing < 0) {
                continue;
            }
            StringBuilder s = new StringBuilder(header(step));
            s.append("  expected, in order:\n");
            List<String> fragments = expectation.fragments();
            for (int i = 0; i < fragments.size(); i++) {
                s.append(i < missing ? "    found:   " : i == missing ? "    MISSING: " : "    not yet: ")
                        .append(quote(fragments.get(i))).append('\n');
            }
            s.append("  exit status: ").append(output.status() == null ? "none (did not finish)" : output.status()).append('\n');
            s.append("  actual output (").append(output.text().length()).append(" chars):\n")
                    .append(indent(truncate(output.text()))).append('\n');
            mismatches.add(s.toString());
        }
        return mismatches;
    }

    /** Every command, its exit status and its whole output. */
    public static String transcript(WalkthroughRun run) {
        StringBuilder s = new StringBuilder();
        s.append("walk-through: ").append(run.outputs().size()).append(" commands, ")
                .append(run.took().toSeconds()).append(" s").append(run.timedOut() ? ", TIME LIMIT REACHED" : "")
                .append("\n\n");
        for (Output output : run.outputs()) {
            s.append(header(output.step()));
            if (output.step().hasExpectation()) {
                s.append("  expected: ").append(output.step().expectation().fragments().stream()
                        .map(WalkthroughReport::quote).toList()).append('\n');
            }
            s.append("  exit status: ").append(output.status()).append('\n');
            s.append(output.text() == null ? "  (did not run)\n" : indent(output.text())).append("\n\n");
        }
        if (!run.shellOutput().isBlank()) {
            s.append("the shell itself printed:\n").append(indent(run.shellOutput())).append('\n');
        }
        return s.toString();
    }

    private static String header(WalkthroughStep step) {
        return "README.md line " + step.line() + ": " + step.command().replace("\n", "\n    ") + "\n";
    }

    private static String truncate(String text) {
        if (text.length() <= 2 * KEEP) {
            return text;
        }
        return text.substring(0, KEEP) + "\n[... " + (text.length() - 2 * KEEP) + " chars left out ...]\n"
                + text.substring(text.length() - KEEP);
    }

    private static String indent(String text) {
        return text.isEmpty() ? "    (no output)" : "    | " + text.stripTrailing().replace("\n", "\n    | ");
    }

    private static String quote(String fragment) {
        return "\"" + fragment.replace("\n", "\\n") + "\"";
    }
}
