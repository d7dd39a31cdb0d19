package dev.resilient.backend.service;

import dev.resilient.kit.hash.Hashes;
import java.util.regex.Pattern;

/**
 * Where a user's data lives downstream, derived from the token's subject and never from a
 * request body: the chroma collection {@code project_<key>}, the filesystem and git project
 * {@code <key>}, the billing account {@code <user>}. {@code key} is {@code <user>__<project>}.
 */
public record Namespace(String user, String project) {

    public static final String DEFAULT_PROJECT = "default";
    public static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
    private static final Pattern SAFE_SUBJECT = Pattern.compile("[A-Za-z0-9-]{1,40}");

    /**
     * @param subject   the verified token's subject
     * @param projectId the project named by the request, or null for {@value #DEFAULT_PROJECT}
     * @throws IllegalArgumentException when the project id is not {@code [A-Za-z0-9-]{1,40}}
     */
    public static Namespace of(String subject, String projectId) {
        String project = projectId == null ? DEFAULT_PROJECT : projectId;
        if (!PROJECT_ID.matcher(project).matches()) {
            throw new IllegalArgumentException("project_id must match [A-Za-z0-9-]{1,40}");
        }
        return new Namespace(safe(subject), project);
    }

    public String key() {
        return user + "__" + project;
    }

    public String collection() {
        return "project_" + key();
    }

    public String account() {
        return user;
    }

    /**
     * Subjects outside {@code [A-Za-z0-9-]} become {@code h_<hash>}: stable, and never equal to a
     * plain subject (those cannot contain {@code _}), so no subject can name another's data.
     */
    private static String safe(String subject) {
        if (subject != null && SAFE_SUBJECT.matcher(subject).matches()) {
            return subject;
        }
        return "h_" + Hashes.sha256Hex(String.valueOf(subject)).substring(0, 24); // the digest's first 12 bytes
    }
}
