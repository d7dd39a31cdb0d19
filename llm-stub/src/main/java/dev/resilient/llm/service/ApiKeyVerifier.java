package dev.resilient.llm.service;

import dev.resilient.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <key>} against {@code llm.api-key}, in constant time:
 * both sides are hashed first, so neither the content nor the length of the key leaks through
 * timing. Without a configured key every request is accepted.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    private static final String BEARER = "bearer ";

    private final Optional<byte[]> expectedDigest;

    ApiKeyVerifier(LlmConfig config) {
        this.expectedDigest = config.apiKey().map(ApiKeyVerifier::sha256);
    }

    public boolean isRequired() {
        return expectedDigest.isPresent();
    }

    /** @param authorization the raw {@code Authorization} header, possibly null */
    public boolean accepts(String authorization) {
        if (expectedDigest.isEmpty()) {
            return true;
        }
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(BEARER.length()).strip());
        return MessageDigest.isEqual(expectedDigest.get(), presented);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
