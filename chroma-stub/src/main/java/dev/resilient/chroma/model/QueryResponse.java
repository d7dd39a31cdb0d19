package dev.resilient.chroma.model;

import java.util.List;

/** Answer of {@code POST /query}: matches by ascending distance. */
public record QueryResponse(List<QueryDocument> documents) {
}
