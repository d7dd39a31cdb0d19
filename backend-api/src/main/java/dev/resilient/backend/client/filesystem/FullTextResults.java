package dev.resilient.backend.client.filesystem;

import java.util.List;

/** The filesystem's answer to {@code GET /projects/{id}/search}. */
public record FullTextResults(List<FullTextHit> results) {
}
