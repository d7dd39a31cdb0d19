package dev.resilient.chroma.model;

import java.util.List;

/** Answer of {@code GET /collections/{name}}: the chunk count and every id, sorted. */
public record CollectionDetails(String name, int count, List<String> ids) {
}
