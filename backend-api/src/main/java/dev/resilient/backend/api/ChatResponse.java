package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer of {@code POST /v1/api/chat}. {@code degraded} names what was missing
 * ({@code vector_search}, {@code fulltext_search}, {@code llm}, {@code history}); empty when all went well.
 * {@code llm_provider} is {@code primary}, {@code secondary} or {@code none} (the degraded answer).
 * {@code history} says where the exchange went: {@code saved} (the project's {@code chat_history.md}),
 * {@code saved in memory} (the filesystem is down: written once it is back, unless the backend restarts
 * first) or {@code not saved}; {@code degraded} names {@code history} unless it is {@code saved}.
 */
public record ChatResponse(
        String response,
        @JsonProperty("context_sources") int contextSources,
        @JsonProperty("context_source") String contextSource,
        List<String> degraded,
        @JsonProperty("llm_provider") String llmProvider,
        String model,
        String history) {
}
