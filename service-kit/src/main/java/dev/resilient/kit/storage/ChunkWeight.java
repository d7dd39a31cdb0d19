package dev.resilient.kit.storage;

import java.util.Map;

/**
 * What one chunk weighs in the vector store: the UTF-8 bytes of its id, text and metadata, plus its
 * embedding (an index and a weight per non-zero bucket). chroma-stub counts it exactly against a
 * tenant's {@code chroma.max-bytes-per-tenant}; the backend counts {@link #atMost} against a user's
 * storage quota before it accepts a document, so a document the backend accepted is never refused by
 * the vector store for its size. One definition for both, so the two limits cannot drift apart.
 */
public final class ChunkWeight {

    /** Bytes an embedding holds per non-zero bucket: its index and its weight. */
    public static final int BYTES_PER_BUCKET = Integer.BYTES + Double.BYTES;
    /** Buckets of the vector store's hashing embedder. */
    public static final int EMBEDDING_DIMENSIONS = 512;

    private ChunkWeight() {
    }

    /** The exact weight, given the number of non-zero buckets of the chunk's embedding. */
    public static long of(String id, String text, Map<String, ?> metadata, int nonZeroBuckets) {
        long bytes = utf8Length(id) + utf8Length(text) + (long) nonZeroBuckets * BYTES_PER_BUCKET;
        for (Map.Entry<String, ?> entry : metadata.entrySet()) {
            bytes += utf8Length(entry.getKey()) + utf8Length(String.valueOf(entry.getValue()));
        }
        return bytes;
    }

    /**
     * An upper bound of {@link #of} without embedding the text: tokens are runs of letters or digits
     * separated by at least one other character, so a text of n characters has at most (n + 1) / 2, and
     * the embedding at most {@link #EMBEDDING_DIMENSIONS} non-zero buckets.
     */
    public static long atMost(String id, String text, Map<String, ?> metadata) {
        return of(id, text, metadata, Math.min(EMBEDDING_DIMENSIONS, (text.length() + 1) / 2));
    }

    /** UTF-8 length without encoding the text (a batch can carry 100 MB of it). */
    public static long utf8Length(String s) {
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
