package dev.resilient.backend.client.chroma;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Chroma's answer to {@code POST /add_chunks}. */
public record ChromaAddResult(@JsonProperty("collection_name") String collectionName, int added, int updated, int count) {
}
