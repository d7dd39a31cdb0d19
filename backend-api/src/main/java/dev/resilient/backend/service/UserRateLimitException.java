package dev.resilient.backend.service;

import java.time.Duration;

/** A user reached their own LLM rate limit ({@link LlmUserLimits}); the other users are still served. */
public class UserRateLimitException extends RuntimeException {

    private final long retryAfterMillis;

    public UserRateLimitException(int limit, Duration window, long retryAfterMillis) {
        super("your limit of " + limit + " chats per " + window.toSeconds() + " s is reached");
        this.retryAfterMillis = retryAfterMillis;
    }

    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
