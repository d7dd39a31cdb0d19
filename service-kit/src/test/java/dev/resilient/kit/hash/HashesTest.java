package dev.resilient.kit.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The published test vectors (FIPS 180-2 "abc"), UTF-8 for text, lower-case hex. */
class HashesTest {

    @Test
    void sha256OfTextIsTheDigestOfItsUtf8Bytes() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashes.sha256Hex("abc"));
        assertArrayEquals(Hashes.sha256("kiwi ü".getBytes(StandardCharsets.UTF_8)), Hashes.sha256("kiwi ü"));
        assertEquals(HexFormat.of().formatHex(Hashes.sha256("kiwi ü")), Hashes.sha256Hex("kiwi ü"));
    }

    @Test
    void sha1HexIsTheGitStyleDigest() {
        assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", Hashes.sha1Hex("abc"));
    }

    @Test
    void matchesSha256AcceptsOnlyTheSecretItself() {
        byte[] expected = Hashes.sha256("s3cret");
        assertTrue(Hashes.matchesSha256(expected, "s3cret"));
        assertFalse(Hashes.matchesSha256(expected, "s3cre"));
        assertFalse(Hashes.matchesSha256(expected, "s3cret "));
        assertFalse(Hashes.matchesSha256(expected, ""));
        assertFalse(Hashes.matchesSha256(expected, null));
    }
}
