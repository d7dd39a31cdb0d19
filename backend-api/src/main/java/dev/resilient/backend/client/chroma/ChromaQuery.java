package dev.resilient.backend.client.chroma;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of chroma's {@code POST /query}. */
public record ChromaQuery(
        @JsonProperty("collection_name") String collectionName,
        @JsonProperty("query_texts") List<String> queryTexts,
        @JsonProperty("n_results") int nResults) {
}
