package dev.resilient.filesystem.model;

import java.time.Instant;

/** One file of a project listing: path relative to the project with '/', size in bytes, last change. */
public record FileEntry(String path, long size, Instant modified) {
}
