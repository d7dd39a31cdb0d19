package dev.resilient.backend.client.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * auth-stub's token answer (OAuth 2.0 shape). auth-stub owns this shape; the dashboard login
 * ({@code POST /v1/api/dashboard/login}) relays it unchanged.
 */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {
}
