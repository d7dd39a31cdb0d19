package dev.resilient.chroma.service;

import dev.resilient.kit.storage.ChunkWeight;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic text embedding standing in for a learned model: a hashed bag of words.
 * The text is lower-cased and split on every character that is not a letter or digit; each
 * token is hashed (32-bit FNV-1a over its UTF-8 bytes) into one of {@value #DIMENSIONS}
 * buckets, bucket weights are the term counts, and the vector is L2-normalised. Texts sharing
 * words thus have a high cosine similarity; the same text always gives the same vector, in
 * every process and JVM.
 */
@ApplicationScoped
public class HashingEmbedder {

    public static final int DIMENSIONS = ChunkWeight.EMBEDDING_DIMENSIONS; // the weight's bound relies on it

    private static final int FNV_OFFSET_BASIS = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;

    /** @return a unit vector, or the zero vector when the text holds no letters or digits */
    public SparseVector embed(String text) {
        Map<Integer, Integer> counts = new TreeMap<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                token.appendCodePoint(Character.toLowerCase(cp));
            } else {
                count(token, counts);
            }
        }
        count(token, counts);
        return normalised(counts);
    }

    private static void count(StringBuilder token, Map<Integer, Integer> counts) {
        if (token.length() > 0) {
            counts.merge(bucket(token.toString()), 1, Integer::sum);
            token.setLength(0);
        }
    }

    static int bucket(String token) {
        int hash = FNV_OFFSET_BASIS;
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return Integer.remainderUnsigned(hash, DIMENSIONS);
    }

    private static SparseVector normalised(Map<Integer, Integer> counts) {
        if (counts.isEmpty()) {
            return SparseVector.ZERO;
        }
        double sumOfSquares = 0;
        for (int c : counts.values()) {
            sumOfSquares += (double) c * c;
        }
        double length = Math.sqrt(sumOfSquares);
        int[] indices = new int[counts.size()];
        double[] weights = new double[counts.size()];
        int k = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            indices[k] = e.getKey();
            weights[k] = e.getValue() / length;
            k++;
        }
        return new SparseVector(indices, weights);
    }
}
