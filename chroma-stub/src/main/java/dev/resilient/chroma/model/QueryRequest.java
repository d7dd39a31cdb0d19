package dev.resilient.chroma.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /query}; {@code n_results} defaults to 5. */
public record QueryRequest(
        @JsonProperty("collection_name") String collectionName,
        @JsonProperty("query_texts") List<String> queryTexts,
        @JsonProperty("n_results") Integer nResults) {

    public static final int DEFAULT_RESULTS = 5;
    public static final int MAX_RESULTS = 100;
    public static final int MAX_QUERY_TEXTS = 10;
    public static final int MAX_QUERY_CHARS = 10_000;

    public QueryRequest {
        nResults = nResults == null ? DEFAULT_RESULTS : nResults;
    }

    /** @throws IllegalArgumentException naming the first rule the request breaks */
    public void validate() {
        CollectionNames.require(collectionName);
        if (queryTexts == null || queryTexts.isEmpty()) {
            throw new IllegalArgumentException("query_texts must not be empty");
        }
        if (queryTexts.size() > MAX_QUERY_TEXTS) {
            throw new IllegalArgumentException("query_texts must hold at most " + MAX_QUERY_TEXTS + " texts");
        }
        for (String text : queryTexts) {
            if (text == null) {
                throw new IllegalArgumentException("query_texts must not contain null");
            }
            if (text.length() > MAX_QUERY_CHARS) {
                throw new IllegalArgumentException("each query text must be at most " + MAX_QUERY_CHARS + " characters");
            }
        }
        if (nResults < 1 || nResults > MAX_RESULTS) {
            throw new IllegalArgumentException("n_results must be between 1 and " + MAX_RESULTS);
        }
    }
}
