package dev.resilient.deploycheck.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the walk-through out of README.md: the one {@code ```bash} block of the section
 * {@value #HEADING}, as commands and what each is expected to print.
 *
 * <p>Lines of the block, in order:
 * <ul>
 *   <li>a line after one ending in {@code \} continues that command (bash's line continuation);</li>
 *   <li>a blank line or a comment at column 0 ({@code # ...}) is narrative: it belongs to no command;</li>
 *   <li>an indented comment ({@code <spaces># text}) is a line of what the command just before it
 *       prints (see {@link WalkthroughExpectation}); after a blank or narrative line it is an error;</li>
 *   <li>any other line is a command. A trailing {@code  # remark} stays in it: bash ignores it.</li>
 * </ul>
 * The section ends at the next heading of level 1 or 2 outside a code block.
 */
public final class WalkthroughReadme {

    public static final String HEADING = "## Walk-through: break chroma and watch the backend cope";

    private static final Pattern SECTION_END = Pattern.compile("^#{1,2} .*");

    private WalkthroughReadme() {
    }

    public static List<WalkthroughStep> steps(Path readme) {
        return parse(Suite.read(readme));
    }

    public static List<WalkthroughStep> parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        int heading = -1;
        for (int i = 0; i < lines.size() && heading < 0; i++) {
            if (lines.get(i).stripTrailing().equals(HEADING)) {
                heading = i;
            }
        }
        if (heading < 0) {
            throw new IllegalStateException("README.md has no section '" + HEADING + "'");
        }
        int blockStart = -1;
        int blockEnd = -1;
        int bashBlocks = 0;
        boolean inFence = false;
        for (int i = heading + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                if (!inFence && line.strip().equals("```bash") && bashBlocks++ == 0) {
                    blockStart = i;
                } else if (inFence && blockStart >= 0 && blockEnd < 0) {
                    blockEnd = i;
                }
                inFence = !inFence;
            } else if (!inFence && SECTION_END.matcher(line).matches()) {
                break;
            }
        }
        if (bashBlocks != 1) {
            throw new IllegalStateException("README.md section '" + HEADING + "' has " + bashBlocks
                    + " ```bash blocks; the walk-through is exactly one");
        }
        if (blockEnd < 0) {
            throw new IllegalStateException("README.md line " + (blockStart + 1) + ": the ```bash block is not closed");
        }
        return parseBlock(lines, blockStart + 1, blockEnd);
    }

    /** Lines [from, to) of the README (0-based), the inside of the bash block. */
    private static List<WalkthroughStep> parseBlock(List<String> lines, int from, int to) {
        List<WalkthroughStep> steps = new ArrayList<>();
        StringBuilder command = null;
        int commandLine = 0;
        List<String> expected = new ArrayList<>();
        boolean continued = false;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (continued) {
                command.append('\n').append(line);
                continued = line.endsWith("\\");
                continue;
            }
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (indented && line.strip().startsWith("#")) {
                if (command == null) {
                    throw new IllegalStateException("README.md line " + (i + 1)
                            + ": an expected-output line must follow its command directly (no blank or narrative line between)");
                }
                expected.add(line.strip().substring(1).strip());
                continue;
            }
            if (command != null) {
                steps.add(new WalkthroughStep(commandLine, command.toString(), expected));
                command = null;
                expected = new ArrayList<>();
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            command = new StringBuilder(line);
            commandLine = i + 1;
            continued = line.endsWith("\\");
        }
        if (continued) {
            throw new IllegalStateException("README.md line " + commandLine + ": the command's last line ends in '\\'");
        }
        if (command != null) {
            steps.add(new WalkthroughStep(commandLine, command.toString(), expected));
        }
        return steps;
    }
}
