package dev.resilient.auth.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Answer of {@code POST /keys/rotate}: the key that signs now, and until when the previous one stays in the JWKS. */
public record KeyRotation(
        String kid,
        @JsonProperty("previous_kid") String previousKid,
        @JsonProperty("previous_published_until") Instant previousPublishedUntil) {
}
