package dev.resilient.llm.model;

import java.util.List;

/**
 * Answer of {@code POST /v1/chat/completions} in OpenAI's shape, plus {@code provider} so a
 * caller (or test) sees which provider process answered.
 */
public record ChatCompletionResponse(
        String id,
        String object,
        long created,
        String model,
        String provider,
        List<Choice> choices,
        Usage usage) {
}
