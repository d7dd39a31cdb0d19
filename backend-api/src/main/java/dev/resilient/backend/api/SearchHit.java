package dev.resilient.backend.api;

import java.util.Map;

/**
 * One passage found for a query, whichever source found it: vector hits carry a
 * {@code distance}, full-text hits a {@code score} and the file {@code path} in metadata.
 */
public record SearchHit(String id, String text, Map<String, Object> metadata, Double distance) {
}
