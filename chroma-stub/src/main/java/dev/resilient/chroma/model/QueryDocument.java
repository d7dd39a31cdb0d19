package dev.resilient.chroma.model;

import java.util.Map;

/** One match of a query: the stored chunk and its cosine distance (0 = same words, 1 = none shared). */
public record QueryDocument(String id, String text, Map<String, Object> metadata, double distance) {
}
