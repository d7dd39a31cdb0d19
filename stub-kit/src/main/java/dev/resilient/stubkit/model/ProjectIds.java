package dev.resilient.stubkit.model;

/**
 * What a project id looks like on every stub that keeps per-project data (filesystem, git):
 * it names a folder or file on disk, so it is kept to a safe alphabet.
 */
public final class ProjectIds {

    public static final String PATTERN = "[A-Za-z0-9_-]{1,64}";
    public static final String MESSAGE = "must be 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'";

    private ProjectIds() {
    }
}
