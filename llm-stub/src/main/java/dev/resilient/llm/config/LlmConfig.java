package dev.resilient.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** What this process plays; keys start with {@code llm.} (env {@code LLM_...}). */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {

    /**
     * Shown in every answer and in {@code provider}/{@code owned_by}; run two processes with
     * {@code LLM_PROVIDER_NAME=primary} and {@code secondary} to play two providers.
     */
    @WithDefault("llm-stub")
    String providerName();

    /** Model answered when a request names none. Env {@code LLM_DEFAULT_MODEL}. */
    @WithDefault("stub-model")
    String defaultModel();

    /** Models served besides the default; any other requested model gets 404. Env {@code LLM_MODELS}. */
    @WithDefault("stub-model,stub-model-advanced")
    List<String> models();

    /** When set, every {@code /v1} call needs {@code Authorization: Bearer <key>}. Env {@code LLM_API_KEY}. */
    Optional<String> apiKey();
}
