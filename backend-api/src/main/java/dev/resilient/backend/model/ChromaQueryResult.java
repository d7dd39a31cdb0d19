package dev.resilient.backend.model;

import java.util.List;

/** Chroma's answer to {@code POST /query}. */
public record ChromaQueryResult(List<ChromaDocument> documents) {
}
