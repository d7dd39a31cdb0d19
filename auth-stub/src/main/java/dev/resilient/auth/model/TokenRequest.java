package dev.resilient.auth.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /token}. */
public record TokenRequest(
        @NotBlank(message = "is required") @Size(max = 128) String username,
        @NotBlank(message = "is required") @Size(max = 256) String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=***]";
    }
}
