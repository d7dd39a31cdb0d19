package dev.resilient.filesystem.model;

/** One matching file: {@code score} counts the query-term occurrences, {@code snippet} surrounds the first one. */
public record SearchHit(String path, String snippet, int score) {
}
