package dev.resilient.deploycheck.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one command of the walk-through must print, and the check of an actual output against it.
 *
 * <p>The rule, and nothing more:
 * <ol>
 *   <li>the command's expected-output lines (each already without its {@code #} and the whitespace
 *       around the line) are joined with a line break into one text;</li>
 *   <li>that text is split at every {@code ...}; each piece loses the whitespace (line breaks included)
 *       next to a split point, and only there; pieces then empty are dropped. What is left are the
 *       fragments;</li>
 *   <li>the output matches when every fragment occurs in it, literally (case and inner whitespace as
 *       written, no wildcards), in order, each one after the end of the one before.</li>
 * </ol>
 * The output is not anchored: text may come before the first fragment and after the last one even
 * without a {@code ...} there. Two expected lines with no {@code ...} between them must be two
 * consecutive lines of the output. An expectation cannot ask for a literal {@code ...}.
 */
public final class WalkthroughExpectation {

    private static final Pattern ELLIPSIS = Pattern.compile(Pattern.quote("..."));

    private final List<String> fragments;

    private WalkthroughExpectation(List<String> fragments) {
        this.fragments = List.copyOf(fragments);
    }

    public static WalkthroughExpectation of(List<String> expectedLines) {
        String[] pieces = ELLIPSIS.split(String.join("\n", expectedLines), -1);
        List<String> fragments = new ArrayList<>();
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (i > 0) {
                piece = piece.stripLeading();
            }
            if (i < pieces.length - 1) {
                piece = piece.stripTrailing();
            }
            if (!piece.isEmpty()) {
                fragments.add(piece);
            }
        }
        return new WalkthroughExpectation(fragments);
    }

    /** The texts the output must contain, in this order. */
    public List<String> fragments() {
        return fragments;
    }

    /** The index of the first fragment not found (in order) in the output, or -1 when the output matches. */
    public int firstMissing(String output) {
        int from = 0;
        for (int i = 0; i < fragments.size(); i++) {
            int at = output.indexOf(fragments.get(i), from);
            if (at < 0) {
                return i;
            }
            from = at + fragments.get(i).length();
        }
        return -1;
    }

    public boolean matches(String output) {
        return firstMissing(output) < 0;
    }
}
