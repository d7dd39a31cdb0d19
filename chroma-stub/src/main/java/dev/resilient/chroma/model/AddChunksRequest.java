package dev.resilient.chroma.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of {@code POST /add_chunks}: 1 to 1000 chunks upserted into one collection. */
public record AddChunksRequest(@JsonProperty("collection_name") String collectionName, List<Chunk> chunks) {

    public static final int MAX_CHUNKS = 1000;

    /** @throws IllegalArgumentException naming the first rule the request breaks */
    public void validate() {
        CollectionNames.require(collectionName);
        if (chunks == null || chunks.isEmpty()) {
            throw new IllegalArgumentException("chunks must not be empty");
        }
        if (chunks.size() > MAX_CHUNKS) {
            throw new IllegalArgumentException("chunks must hold at most " + MAX_CHUNKS + " chunks");
        }
        for (Chunk chunk : chunks) {
            if (chunk == null) {
                throw new IllegalArgumentException("chunks must not contain null");
            }
            chunk.validate();
        }
    }
}
