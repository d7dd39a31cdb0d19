package dev.resilient.backend.client.llm;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of an OpenAI-compatible {@code POST /v1/chat/completions}. */
public record ChatCompletionRequest(String model, List<ChatMessage> messages, @JsonProperty("max_tokens") Integer maxTokens) {
}
