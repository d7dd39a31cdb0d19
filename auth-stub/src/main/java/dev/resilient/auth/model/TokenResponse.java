package dev.resilient.auth.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** 200 answer of {@code POST /token}, in the OAuth 2.0 token response shape. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static TokenResponse bearer(String token, long expiresInSeconds) {
        return new TokenResponse(token, "Bearer", expiresInSeconds);
    }
}
