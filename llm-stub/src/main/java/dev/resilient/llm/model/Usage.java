package dev.resilient.llm.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Token usage; this stub counts whitespace-separated words as tokens. */
public record Usage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens) {
}
