package dev.resilient.kit.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The suite's one place for digests: text is always hashed as UTF-8, hex is always lower case.
 * SHA-256 and SHA-1 are required of every Java runtime, so their absence is an error, not a case.
 */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] bytes) {
        return digest("SHA-256", bytes);
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** SHA-1 in hex: for git-style content ids only, never for anything secret. */
    public static String sha1Hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-1", text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code presented} hashes to {@code expectedSha256}, for secrets: both sides are
     * digests of the same length, compared with {@link MessageDigest#isEqual}, so the time taken
     * tells neither how much of the secret matched nor how long it is.
     *
     * @param expectedSha256 {@link #sha256(String)} of the secret, computed once
     * @param presented      what the caller sent, possibly null (never a match)
     */
    public static boolean matchesSha256(byte[] expectedSha256, String presented) {
        return presented != null && MessageDigest.isEqual(expectedSha256, sha256(presented));
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
