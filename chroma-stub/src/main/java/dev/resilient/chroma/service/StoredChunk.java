package dev.resilient.chroma.service;

import dev.resilient.chroma.model.Chunk;

/** A chunk as held by a collection, with its embedding computed once at upsert time. */
record StoredChunk(Chunk chunk, SparseVector embedding) {

    String id() {
        return chunk.id();
    }
}
