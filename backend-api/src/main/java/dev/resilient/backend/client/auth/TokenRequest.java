package dev.resilient.backend.client.auth;

/** Body of auth-stub's {@code POST /token}. */
public record TokenRequest(String username, String password) {

    /** Keeps the password out of logs and error messages. */
    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=***]";
    }
}
