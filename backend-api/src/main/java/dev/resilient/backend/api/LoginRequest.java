package dev.resilient.backend.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /v1/api/dashboard/login}; {@code DashboardService} passes the credentials on to auth-stub. */
public record LoginRequest(
        @NotBlank(message = "is required") @Size(max = 128) String username,
        @NotBlank(message = "is required") @Size(max = 256) String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=***]";
    }
}
