package dev.resilient.backend.api;

import java.util.List;

/**
 * Answer of {@code POST /v1/api/search}: {@code source} is {@code vector}, {@code fulltext} or
 * {@code cache}; {@code degraded} is true when the vector store did not answer.
 */
public record SearchResponse(List<SearchHit> results, String source, boolean degraded) {
}
