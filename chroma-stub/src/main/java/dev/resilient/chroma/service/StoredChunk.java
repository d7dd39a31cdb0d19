package dev.resilient.chroma.service;

import dev.resilient.chroma.model.Chunk;
import dev.resilient.kit.storage.ChunkWeight;

/**
 * A chunk as held by a collection, with its embedding computed once at upsert time and its
 * weight against the tenant's bytes ({@code chroma.max-bytes-per-tenant}), as {@link ChunkWeight}
 * defines it for the backend's quotas too.
 */
record StoredChunk(Chunk chunk, SparseVector embedding, long bytes) {

    static StoredChunk of(Chunk chunk, SparseVector embedding) {
        return new StoredChunk(chunk, embedding,
                ChunkWeight.of(chunk.id(), chunk.text(), chunk.metadata(), embedding.nonZeroCount()));
    }

    String id() {
        return chunk.id();
    }
}
