package dev.resilient.chroma.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code POST /add_chunks}: how many ids were new, how many replaced an existing
 * chunk (a repeated id within one batch counts as an update), and the collection's size after.
 */
public record AddChunksResponse(
        @JsonProperty("collection_name") String collectionName,
        int added,
        int updated,
        int count) {
}
