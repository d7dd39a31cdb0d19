package dev.resilient.chroma.model;

import java.util.List;

/** Answer of {@code GET /collections}, sorted by name. */
public record CollectionList(List<CollectionSummary> collections) {
}
