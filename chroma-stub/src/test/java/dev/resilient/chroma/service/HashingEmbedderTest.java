package dev.resilient.chroma.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder();

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        SparseVector query = embedder.embed("How does the circuit breaker open after failures?");
        SparseVector similar = embedder.embed("The circuit breaker opens after five failures.");
        SparseVector unrelated = embedder.embed("Boil pasta for ten minutes and add salt.");

        assertTrue(query.dot(similar) > query.dot(unrelated),
                "similar " + query.dot(similar) + " vs unrelated " + query.dot(unrelated));
        assertTrue(query.dot(similar) > 0.3);
    }

    @Test
    void sameTextGivesTheSameVectorEveryTime() {
        assertEquals(embedder.embed("Deterministic embedding, twice."), new HashingEmbedder().embed("Deterministic embedding, twice."));
    }

    @Test
    void ignoresCaseAndPunctuation() {
        assertEquals(embedder.embed("Hello, WORLD!"), embedder.embed("hello world"));
    }

    @Test
    void producesUnitVectorsAndZeroForTextWithoutWords() {
        assertEquals(1.0, embedder.embed("some words some more words").norm(), 1e-12);
        assertEquals(0, embedder.embed(" ...?! ").nonZeroCount());
        assertEquals(0.0, embedder.embed("").norm());
    }

    @Test
    void identicalTextsHaveCosineOne() {
        SparseVector v = embedder.embed("résumé naïve 東京 2024");
        assertEquals(1.0, v.dot(v), 1e-12);
    }

    @Test
    void hashesTokensIntoTheConfiguredBucketsStably() {
        int bucket = HashingEmbedder.bucket("breaker");
        assertTrue(bucket >= 0 && bucket < HashingEmbedder.DIMENSIONS);
        assertEquals(bucket, HashingEmbedder.bucket("breaker"));
    }
}
