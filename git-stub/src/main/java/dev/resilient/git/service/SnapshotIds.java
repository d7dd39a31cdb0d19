package dev.resilient.git.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(object.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
