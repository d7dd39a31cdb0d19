package dev.resilient.auth.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static KeyPair newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void aMissingFileReadsAsNoKeys() {
        assertEquals(Optional.empty(), KeyFile.read(dir.resolve("none.pem")));
    }

    @Test
    void createWritesAFileOnlyItsOwnerCanReadAndReadGivesTheSameKeyBack() throws Exception {
        Path file = dir.resolve("auth/signing-key.pem");
        KeyPair key = newKey();

        assertTrue(KeyFile.create(file, KeyRing.of(key)));

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        KeyRing read = KeyFile.read(file).orElseThrow();
        assertEquals(key.getPublic(), read.current().getPublic());
        assertEquals(key.getPrivate(), read.current().getPrivate());
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void createKeepsAFileThatIsAlreadyThere() throws Exception {
        Path file = dir.resolve("signing-key.pem");
        KeyPair first = newKey();
        KeyFile.create(file, KeyRing.of(first));

        assertFalse(KeyFile.create(file, KeyRing.of(newKey())));
        assertEquals(first.getPublic(), KeyFile.read(file).orElseThrow().current().getPublic());
    }

    @Test
    void previousKeysAndTheirTimesSurviveAWriteAndARead() throws Exception {
        Path file = dir.resolve("signing-key.pem");
        KeyPair a = newKey();
        KeyPair b = newKey();
        KeyPair c = newKey();
        KeyRing ring = KeyRing.of(a).rotate(b, T0, Duration.ofHours(1)).rotate(c, T0.plusSeconds(60), Duration.ofHours(1));

        KeyFile.write(file, ring);
        KeyRing read = KeyFile.read(file).orElseThrow();

        assertEquals(c.getPublic(), read.current().getPublic());
        assertEquals(ring.retired(), read.retired());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aKeyWrittenByOpensslAloneIsRead() throws Exception {
        Path file = dir.resolve("openssl.pem");
        KeyPair key = newKey();
        Files.writeString(file, PemKeys.encode(PemKeys.PKCS8, key.getPrivate().getEncoded()), StandardCharsets.US_ASCII);

        assertEquals(key.getPublic(), KeyFile.read(file).orElseThrow().current().getPublic());
    }

    @Test
    void aCorruptFileFailsWithAMessageNamingItAndIsLeftAsItIs() throws Exception {
        Path file = dir.resolve("signing-key.pem");
        String pem = PemKeys.encode(PemKeys.PKCS8, newKey().getPrivate().getEncoded());
        for (String corrupt : List.of("", "not a key\n", pem.substring(0, pem.length() / 2),
                pem.replace("-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\nAAAA"),
                pem + "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n",
                pem + "published-until: tomorrow\n")) {
            Files.writeString(file, corrupt, StandardCharsets.US_ASCII);

            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFile.read(file), corrupt);

            assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()) && e.getMessage().contains("move it away"), e.getMessage());
            assertEquals(corrupt, Files.readString(file, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aFolderWhereTheFileShouldBeIsUnreadable() throws Exception {
        Path file = dir.resolve("signing-key.pem");
        Files.createDirectories(file);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyFile.read(file));
        assertTrue(e.getMessage().contains("cannot read it"), e.getMessage());
    }
}
