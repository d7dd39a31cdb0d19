package dev.resilient.llm.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One model as listed by {@code GET /v1/models}. */
public record ModelInfo(String id, String object, @JsonProperty("owned_by") String ownedBy) {
}
