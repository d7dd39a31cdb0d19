package dev.resilient.filesystem.service;

import jakarta.ws.rs.BadRequestException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules a client-supplied file path must pass before it is resolved against a project
 * folder: relative, '/'-separated, at most {@value #MAX_LENGTH} characters, every segment 1 to
 * {@value #MAX_SEGMENT_LENGTH} of letters, digits, '.', '_', ' ' and '-', and no '.' or '..' segment.
 */
public final class FilePathRules {

    public static final int MAX_LENGTH = 512;
    /** The common file-name limit of Linux, macOS and Windows file systems. */
    public static final int MAX_SEGMENT_LENGTH = 255;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._ -]+");

    private FilePathRules() {
    }

    /** Returns {@code path} when it is acceptable, or throws 400 naming the rule it breaks. */
    public static String check(String path) {
        return check("file_path", path);
    }

    /** The same, for a path that arrives under another name ({@code parameter} starts the message). */
    public static String check(String parameter, String path) {
        Optional<String> problem = problem(path);
        if (problem.isPresent()) {
            throw new BadRequestException(parameter + " " + problem.get());
        }
        return path;
    }

    public static boolean isValid(String path) {
        return problem(path).isEmpty();
    }

    private static Optional<String> problem(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.of("must not be empty");
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (path.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("must not contain NUL or control characters");
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of("must use '/' as separator, never '\\'");
        }
        if (path.startsWith("/")) {
            return Optional.of("must be relative, not absolute");
        }
        if (path.startsWith("~")) {
            return Optional.of("must not start with '~'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isBlank()) {
                return Optional.of("must not contain empty segments");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("must not contain '.' or '..' segments");
            }
            if (segment.length() > MAX_SEGMENT_LENGTH) {
                return Optional.of("segments must be at most " + MAX_SEGMENT_LENGTH + " characters");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("segments may contain only letters, digits, '.', '_', ' ' and '-'");
            }
        }
        return Optional.empty();
    }
}
