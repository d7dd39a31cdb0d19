package dev.resilient.kit.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChunkWeightTest {

    @Test
    void countsUtf8BytesOfIdTextMetadataAndTheEmbedding() {
        assertEquals(2 + 5 + ("filename".length() + 4) + 3 * 12, ChunkWeight.of("id", "héll", Map.of("filename", "a.md"), 3));
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : new String[] {"", "ascii", "é", "€", "😀", "a😀b€é"}) {
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ChunkWeight.utf8Length(s), s);
        }
    }

    @Test
    void theUpperBoundCoversTheMostTokensATextCanHold() {
        String oneLetterWords = "a b c d e f g"; // 13 characters, 7 tokens
        assertEquals(ChunkWeight.of("d", oneLetterWords, Map.of(), 7), ChunkWeight.atMost("d", oneLetterWords, Map.of()));
        String longText = "w ".repeat(5000);
        assertEquals(ChunkWeight.of("d", longText, Map.of(), ChunkWeight.EMBEDDING_DIMENSIONS),
                ChunkWeight.atMost("d", longText, Map.of()));
        assertTrue(ChunkWeight.atMost("d", "", Map.of()) >= ChunkWeight.of("d", "", Map.of(), 0));
    }
}
