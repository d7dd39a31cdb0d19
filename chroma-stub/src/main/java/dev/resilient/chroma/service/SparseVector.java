package dev.resilient.chroma.service;

import java.util.Arrays;

/**
 * An immutable sparse vector: bucket indices in ascending order and their weights. Chunks keep
 * one each, so memory grows with the distinct words of a chunk, not with the dimension.
 */
public final class SparseVector {

    static final SparseVector ZERO = new SparseVector(new int[0], new double[0]);

    private final int[] indices;
    private final double[] weights;

    /** Both arrays are owned by the vector from now on; {@code indices} must be strictly ascending. */
    SparseVector(int[] indices, double[] weights) {
        if (indices.length != weights.length) {
            throw new IllegalArgumentException("indices and weights differ in length");
        }
        this.indices = indices;
        this.weights = weights;
    }

    /** The dot product; for two unit vectors this is their cosine similarity. */
    public double dot(SparseVector other) {
        double sum = 0;
        int i = 0;
        int j = 0;
        while (i < indices.length && j < other.indices.length) {
            int a = indices[i];
            int b = other.indices[j];
            if (a == b) {
                sum += weights[i++] * other.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return sum;
    }

    /** Euclidean length: 1 for the embedding of a text with words, 0 for one without. */
    public double norm() {
        return Math.sqrt(dot(this));
    }

    public int nonZeroCount() {
        return indices.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector v && Arrays.equals(indices, v.indices) && Arrays.equals(weights, v.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(weights);
    }
}
