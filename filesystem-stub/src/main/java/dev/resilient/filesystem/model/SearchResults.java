package dev.resilient.filesystem.model;

import java.util.List;

/** Answer of {@code GET /projects/{id}/search}, best score first, then by path. */
public record SearchResults(List<SearchHit> results) {
}
