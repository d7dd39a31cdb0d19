package dev.resilient.deploycheck.support;

import java.util.List;

/**
 * One command of the README's walk-through.
 *
 * @param line the README.md line the command starts on (1-based)
 * @param command the command as written, continuation lines included (joined with a line break, the
 *        trailing {@code \} kept), a trailing {@code # remark} kept: bash gets exactly this text
 * @param expected the expected-output lines after it, each without its {@code #} and surrounding
 *        whitespace; empty when the README says nothing about what the command prints
 */
public record WalkthroughStep(int line, String command, List<String> expected) {

    public WalkthroughStep {
        expected = List.copyOf(expected);
    }

    public boolean hasExpectation() {
        return !expected.isEmpty();
    }

    public WalkthroughExpectation expectation() {
        return WalkthroughExpectation.of(expected);
    }
}
