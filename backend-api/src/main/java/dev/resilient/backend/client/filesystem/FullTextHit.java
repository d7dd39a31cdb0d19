package dev.resilient.backend.client.filesystem;

/** One hit of the filesystem's full-text search. */
public record FullTextHit(String path, String snippet, Double score) {
}
