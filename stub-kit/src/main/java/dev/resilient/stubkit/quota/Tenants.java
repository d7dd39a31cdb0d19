package dev.resilient.stubkit.quota;

/**
 * Which tenant a stored name belongs to. The backend names everything it stores for a user
 * {@code <user>__<project>} (chroma's collections {@code project_<user>__<project>}), so the
 * tenant is the name up to the first {@code __}; a name without {@code __} is a tenant of its own.
 */
public final class Tenants {

    public static final String SEPARATOR = "__";

    private Tenants() {
    }

    /** The tenant of {@code name}: its part before the first {@value #SEPARATOR}, or the whole name. */
    public static String of(String name) {
        int end = name.indexOf(SEPARATOR);
        return end < 0 ? name : name.substring(0, end);
    }
}
