package dev.resilient.git.service;

import dev.resilient.kit.hash.Hashes;
import java.time.Instant;

/**
 * Snapshot ids the way git names commits: a SHA-1 over a header (project, parent, time,
 * sequence) and the message, shortened to {@value #LENGTH} hex characters.
 */
public final class SnapshotIds {

    public static final int LENGTH = 12;

    private SnapshotIds() {
    }

    public static String of(String projectId, String parentId, String message, Instant createdAt, long sequence) {
        String object = "project " + projectId + "\n"
                + "parent " + (parentId == null ? "none" : parentId) + "\n"
                + "time " + createdAt + "\n"
                + "sequence " + sequence + "\n"
                + "\n" + message;
        return Hashes.sha1Hex(object).substring(0, LENGTH);
    }
}
