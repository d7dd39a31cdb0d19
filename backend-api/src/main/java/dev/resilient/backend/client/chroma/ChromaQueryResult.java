package dev.resilient.backend.client.chroma;

import java.util.List;

/** Chroma's answer to {@code POST /query}. */
public record ChromaQueryResult(List<ChromaDocument> documents) {
}
