package dev.resilient.llm.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of {@code choices}; this stub always answers exactly one, finished with {@code stop}. */
public record Choice(int index, ChatMessage message, @JsonProperty("finish_reason") String finishReason) {
}
