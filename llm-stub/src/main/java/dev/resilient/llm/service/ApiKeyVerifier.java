package dev.resilient.llm.service;

import dev.resilient.kit.hash.Hashes;
import dev.resilient.llm.config.LlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
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
        this.expectedDigest = config.apiKey().map(Hashes::sha256);
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
        return Hashes.matchesSha256(expectedDigest.get(), authorization.substring(BEARER.length()).strip());
    }
}
