package dev.resilient.backend.model;

/** One hit of the filesystem's full-text search. */
public record FullTextHit(String path, String snippet, Double score) {
}
