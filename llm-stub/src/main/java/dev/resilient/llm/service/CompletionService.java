package dev.resilient.llm.service;

import dev.resilient.llm.config.LlmConfig;
import dev.resilient.llm.model.ChatCompletionRequest;
import dev.resilient.llm.model.ChatCompletionResponse;
import dev.resilient.llm.model.ChatMessage;
import dev.resilient.llm.model.Choice;
import dev.resilient.llm.model.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Answers a validated chat completion request: the deterministic content plus OpenAI's envelope. */
@ApplicationScoped
public class CompletionService {

    private final ModelCatalog catalog;
    private final AnswerComposer composer;
    private final String providerName;
    private final Clock clock = Clock.systemUTC();

    CompletionService(ModelCatalog catalog, AnswerComposer composer, LlmConfig config) {
        this.catalog = catalog;
        this.composer = composer;
        this.providerName = config.providerName();
    }

    /** @throws jakarta.ws.rs.NotFoundException when the requested model is not served */
    public ChatCompletionResponse complete(ChatCompletionRequest request) {
        String model = catalog.resolve(request.model());
        String content = composer.compose(providerName, request.messages());
        int promptTokens = request.messages().stream().mapToInt(m -> TokenCounter.count(m.content())).sum();
        int completionTokens = TokenCounter.count(content);
        return new ChatCompletionResponse(
                "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""),
                "chat.completion",
                clock.instant().getEpochSecond(),
                model,
                providerName,
                List.of(new Choice(0, new ChatMessage(ChatMessage.ASSISTANT, content), "stop")),
                new Usage(promptTokens, completionTokens, promptTokens + completionTokens));
    }
}
