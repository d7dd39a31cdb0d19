package dev.resilient.backend.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Chroma's answer to {@code POST /add_chunks}. */
public record ChromaAddResult(@JsonProperty("collection_name") String collectionName, int added, int updated, int count) {
}
