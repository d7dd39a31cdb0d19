package dev.resilient.backend.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.resilient.backend.config.LlmConfig;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Each user's LLM rate limit ({@code llm.per-user.limit} per {@code llm.per-user.window}), inside
 * the backend's limit as a whole: a user at their limit gets 429 while everyone else is still
 * served. One SmallRye rate-limit {@link Guard} per user, because {@code @RateLimit} counts per
 * method, for all callers at once; a user's guard is dropped once they have been idle for a window
 * (a fresh one then starts with a full window), and at most {@link #MAX_USERS} are kept, so the
 * memory they take is bounded however many users come.
 */
@ApplicationScoped
public class LlmUserLimits {

    static final int MAX_USERS = 100_000;

    private final Cache<String, Guard> guards;
    private final LlmConfig.PerUser config;

    LlmUserLimits(LlmConfig config) {
        this.config = config.perUser();
        this.guards = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterAccess(this.config.window()).build();
    }

    /**
     * Runs {@code action} within {@code user}'s limit. The check comes before the action, so a call
     * refused here takes nothing from the backend's limit as a whole.
     *
     * @throws UserRateLimitException at once when the user is at their limit
     */
    public <T> T within(String user, Supplier<T> action, Class<T> type) {
        boolean[] admitted = {false};
        try {
            return guard(user).get(() -> {
                admitted[0] = true;
                return action.get();
            }, type);
        } catch (RateLimitException e) {
            if (admitted[0]) {
                throw e; // the backend's limit as a whole, inside the action
            }
            throw new UserRateLimitException(config.limit(), config.window(), e.getRetryAfterMillis());
        }
    }

    private Guard guard(String user) {
        return guards.get(user == null ? "" : user, u -> Guard.create()
                .withRateLimit().limit(config.limit()).window(config.window().toMillis(), ChronoUnit.MILLIS)
                .type(RateLimitType.FIXED).done() // as the backend's @RateLimit: a window that restarts
                .build());
    }
}
