package dev.resilient.backend.client.chroma;

import java.util.Map;

/** One ranked chunk from chroma's {@code POST /query}; smaller distance is closer. */
public record ChromaDocument(String id, String text, Map<String, Object> metadata, Double distance) {
}
