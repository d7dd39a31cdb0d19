package dev.resilient.chroma.model;

/** One entry of {@code GET /collections}. */
public record CollectionSummary(String name, int count) {
}
