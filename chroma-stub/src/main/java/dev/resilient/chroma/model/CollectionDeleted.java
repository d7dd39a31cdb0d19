package dev.resilient.chroma.model;

/** Answer of {@code DELETE /collections/{name}}. */
public record CollectionDeleted(String name, boolean deleted) {
}
