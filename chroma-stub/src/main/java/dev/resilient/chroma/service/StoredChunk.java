package dev.resilient.chroma.service;

import dev.resilient.chroma.model.Chunk;

/**
 * A chunk as held by a collection, with its embedding computed once at upsert time and its
 * weight against the tenant's bytes ({@code chroma.max-bytes-per-tenant}).
 */
record StoredChunk(Chunk chunk, SparseVector embedding, long bytes) {

    /** Bytes an embedding holds per non-zero bucket: its index and its weight. */
    static final int BYTES_PER_BUCKET = Integer.BYTES + Double.BYTES;

    static StoredChunk of(Chunk chunk, SparseVector embedding) {
        long bytes = utf8Length(chunk.id()) + utf8Length(chunk.text())
                + (long) embedding.nonZeroCount() * BYTES_PER_BUCKET;
        for (var entry : chunk.metadata().entrySet()) {
            bytes += utf8Length(entry.getKey()) + utf8Length(String.valueOf(entry.getValue()));
        }
        return new StoredChunk(chunk, embedding, bytes);
    }

    String id() {
        return chunk.id();
    }

    /** UTF-8 length without encoding the text (a batch can carry 100 MB of it). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
