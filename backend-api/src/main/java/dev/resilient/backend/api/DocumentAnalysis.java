package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One document version's analysis, as the LLM wrote it; cached under the version.
 *
 * @param provider which LLM provider answered ({@code primary} or {@code secondary})
 * @param model    the model that answered: the advanced one while {@code advanced-llm-models} is on, else the lighter one
 */
public record DocumentAnalysis(
        @JsonProperty("document_id") String documentId,
        long version,
        String analysis,
        String provider,
        String model,
        @JsonProperty("analyzed_at") Instant analyzedAt) {
}
