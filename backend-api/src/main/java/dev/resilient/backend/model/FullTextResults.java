package dev.resilient.backend.model;

import java.util.List;

/** The filesystem's answer to {@code GET /projects/{id}/search}. */
public record FullTextResults(List<FullTextHit> results) {
}
