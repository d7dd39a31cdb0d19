package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** auth-stub's token answer (OAuth 2.0 shape), relayed as is by the dashboard login. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
