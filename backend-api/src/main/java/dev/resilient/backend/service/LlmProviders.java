package dev.resilient.backend.service;

import dev.resilient.backend.client.DownstreamErrorMapper;
import dev.resilient.backend.client.llm.ChatCompletion;
import dev.resilient.backend.client.llm.ChatCompletionRequest;
import dev.resilient.backend.client.llm.LlmClient;
import dev.resilient.backend.config.LlmConfig;
import dev.resilient.kit.secrets.InternalTokenConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Builds one REST client per LLM provider from {@code llm.<provider>.*} (the MicroProfile
 * {@code configKey} model allows one URL per interface; here one interface serves two providers).
 */
@ApplicationScoped
public class LlmProviders {

    /** One provider's client with its credentials and models. */
    public record Provider(String name, LlmClient client, LlmConfig.Provider config, String internalToken) {

        /** @param budgetMs the attempt's time budget, announced in {@code X-Request-Timeout-Ms}; null for none */
        public Uni<ChatCompletion> complete(Long budgetMs, String criticality, ChatCompletionRequest request) {
            return client.complete(budgetMs, criticality, config.apiKey().map(k -> "Bearer " + k).orElse(null),
                    config.sendInternalToken() ? internalToken : null, request);
        }

        public String model(boolean advanced) {
            return advanced ? config.advancedModel() : config.model();
        }
    }

    private final Provider primary;
    private final Provider secondary;

    LlmProviders(LlmConfig config, InternalTokenConfig token) {
        this.primary = build("primary", config.primary(), token.token());
        this.secondary = build("secondary", config.secondary(), token.token());
    }

    public Provider primary() {
        return primary;
    }

    public Provider secondary() {
        return secondary;
    }

    private static Provider build(String name, LlmConfig.Provider config, String token) {
        LlmClient client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.url()))
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .register(DownstreamErrorMapper.class)
                .build(LlmClient.class);
        return new Provider(name, client, config, token);
    }
}
