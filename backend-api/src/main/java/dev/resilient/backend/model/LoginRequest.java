package dev.resilient.backend.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/api/dashboard/login}, passed on to auth-stub's {@code POST /token}. */
public record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 128) String username,
        @NotBlank(message = "is required") @Size(max = 256) String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
