package dev.resilient.backend.client.chroma;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of chroma's {@code POST /add_chunks} (upsert by chunk id). */
public record ChromaAddChunks(@JsonProperty("collection_name") String collectionName, List<ChromaChunk> chunks) {
}
