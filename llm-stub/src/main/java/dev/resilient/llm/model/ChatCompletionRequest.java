package dev.resilient.llm.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /v1/chat/completions} (the OpenAI fields this stub understands; others
 * are ignored). {@code model} is optional and defaults to {@code llm.default-model};
 * {@code max_tokens} and {@code temperature} are checked but do not change the answer.
 */
public record ChatCompletionRequest(
        String model,
        List<ChatMessage> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        Double temperature,
        Boolean stream) {

    public static final int MAX_MESSAGES = 100;
    public static final int MAX_MODEL_CHARS = 256;
    public static final int MAX_MAX_TOKENS = 100_000;
    public static final double MAX_TEMPERATURE = 2.0;

    /** @throws IllegalArgumentException naming the first rule the request breaks */
    public void validate() {
        if (model != null && (model.isBlank() || model.length() > MAX_MODEL_CHARS)) {
            throw new IllegalArgumentException("model must be 1 to " + MAX_MODEL_CHARS + " characters when given");
        }
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("messages must not be empty");
        }
        if (messages.size() > MAX_MESSAGES) {
            throw new IllegalArgumentException("messages must hold at most " + MAX_MESSAGES + " messages");
        }
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            if (m == null) {
                throw new IllegalArgumentException("messages[" + i + "] must be an object");
            }
            m.validate(i);
        }
        if (messages.stream().noneMatch(m -> m.hasRole(ChatMessage.USER))) {
            throw new IllegalArgumentException("messages must contain at least one user message");
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > MAX_MAX_TOKENS)) {
            throw new IllegalArgumentException("max_tokens must be between 1 and " + MAX_MAX_TOKENS);
        }
        if (temperature != null && !(temperature >= 0 && temperature <= MAX_TEMPERATURE)) {
            throw new IllegalArgumentException("temperature must be between 0 and " + MAX_TEMPERATURE);
        }
        if (Boolean.TRUE.equals(stream)) {
            throw new IllegalArgumentException("stream=true is not supported by this stub");
        }
    }
}
