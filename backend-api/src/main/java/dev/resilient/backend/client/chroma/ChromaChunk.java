package dev.resilient.backend.client.chroma;

import java.util.Map;

/** A chunk as chroma stores it. */
public record ChromaChunk(String id, String text, Map<String, Object> metadata) {
}
