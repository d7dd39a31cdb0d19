package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The two OpenAI-compatible LLM providers (seed 004 ResilientLLMClient): keys
 * {@code llm.primary.*} and {@code llm.secondary.*}, env {@code LLM_PRIMARY_URL}, ...
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    Provider primary();

    Provider secondary();

    /** Each user's share of the LLMs, on top of the backend's limit as a whole ({@code LlmService}'s {@code @RateLimit}). */
    PerUser perUser();

    interface PerUser {
        /** Chats one user may send to the LLMs per window; the rest get 429 with {@code Retry-After}. Env {@code LLM_PER_USER_LIMIT}. */
        @WithDefault("50")
        int limit();

        /** The window of {@code limit}. */
        @WithDefault("1m")
        Duration window();
    }

    interface Provider {
        /** Base URL including the API version, e.g. {@code http://localhost:11434/v1}. */
        String url();

        /** Sent as {@code Authorization: Bearer <key>}; none by default (llm-stub needs none). */
        Optional<String> apiKey();

        /** The model asked for normally, and in modes where advanced models are off. */
        @WithDefault("stub-model")
        String model();

        /** The model asked for while the {@code advanced-llm-models} feature is on. */
        @WithDefault("stub-model-advanced")
        String advancedModel();

        /** Send the suite's internal token (our llm-stub needs it); set false for an outside server. */
        @WithDefault("true")
        boolean sendInternalToken();

        /**
         * Transport backstop, above the guard's {@code @Timeout} (primary 60 s, secondary 30 s), which
         * is the real limit: {@code application.properties} sets 65 s and 35 s.
         */
        @WithDefault("PT35S")
        Duration readTimeout();

        /** Each wait between attempts is this times the previous (seed 004's {@code backoff_factor}). */
        @WithDefault("1.5")
        double backoffFactor();

        /** Each wait moves by up to this share of itself either way (seed 004's {@code jitter}). */
        @WithDefault("0.2")
        double jitter();
    }
}
