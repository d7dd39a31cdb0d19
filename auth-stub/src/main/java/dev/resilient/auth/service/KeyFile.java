package dev.resilient.auth.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The file that keeps the signing keys across restarts ({@code auth.signing-key.file}): the private
 * key that signs, as PKCS#8 PEM (so {@code openssl pkey -in <file>} reads it), then each previous
 * public key (X.509 PEM) after a {@code published-until: <ISO instant>} line. Written whole to a
 * temporary file of mode 600 beside it, forced to disk and moved over it, so a crash leaves the old
 * file or the new one, never half of one.
 */
final class KeyFile {

    static final String PUBLISHED_UNTIL = "published-until:";
    private static final String HEADER = """
            # auth-stub's signing keys (auth.signing-key.file). Secret: keep it mode 600, never commit it.
            # The PRIVATE KEY signs new tokens. Each PUBLIC KEY is a previous key, published in the JWKS
            # until the time above it, when the last token it signed has expired.
            """;

    private KeyFile() {
    }

    /**
     * The keys in {@code file}, or empty when there is no such file.
     *
     * @throws IllegalStateException when the file cannot be read or is not in this format: it is never
     *                               replaced then, since tokens signed with the key in it would stop verifying
     */
    static Optional<KeyRing> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unusable(file, "cannot read it: " + e);
        }
        try {
            return Optional.of(parse(text));
        } catch (IllegalStateException e) {
            throw unusable(file, e.getMessage());
        }
    }

    /**
     * Replaces {@code file} with {@code ring} (creating its folder), atomically and with mode 600.
     *
     * @throws UncheckedIOException when it cannot be written; the file is then unchanged
     */
    static void write(Path file, KeyRing ring) {
        Path tmp = null;
        try {
            tmp = temporaryCopy(file, ring);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file + ": " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Writes {@code ring} to {@code file} only when there is no file yet, so two processes starting on
     * one empty volume both end up with the first one's key.
     *
     * @return false when a file was already there (it is unchanged)
     * @throws UncheckedIOException when it cannot be written
     */
    static boolean create(Path file, KeyRing ring) {
        Path tmp;
        try {
            tmp = temporaryCopy(file, ring);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create key file " + file + ": " + e, e);
        }
        try {
            Files.createLink(file, tmp); // fails when the file exists: check and create in one step
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            // no hard links on this file system (some network and FUSE ones): check, then move
            if (Files.exists(file)) {
                return false;
            }
            write(file, ring);
            return true;
        } finally {
            deleteQuietly(tmp);
        }
    }

    /** {@code ring} in a new file of mode 600 beside {@code file}, forced to disk. */
    private static Path temporaryCopy(Path file, KeyRing ring) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", ownerOnly(dir));
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(format(ring).getBytes(StandardCharsets.US_ASCII)));
            out.force(true);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw e;
        }
        return tmp;
    }

    static String format(KeyRing ring) {
        StringBuilder text = new StringBuilder(HEADER);
        text.append(PemKeys.encode(PemKeys.PKCS8, ring.current().getPrivate().getEncoded()));
        for (KeyRing.RetiredKey r : ring.retired()) {
            text.append(PUBLISHED_UNTIL).append(' ').append(r.publishedUntil()).append('\n');
            text.append(PemKeys.encode(PemKeys.X509, r.key().getEncoded()));
        }
        return text.toString();
    }

    static KeyRing parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        String privatePem = null;
        List<KeyRing.RetiredKey> retired = new ArrayList<>();
        Instant pendingUntil = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(PUBLISHED_UNTIL)) {
                pendingUntil = instant(line.substring(PUBLISHED_UNTIL.length()).strip(), i + 1);
            } else if (line.equals(PemKeys.begin(PemKeys.PKCS8))) {
                if (privatePem != null) {
                    throw new IllegalStateException("more than one PRIVATE KEY (line " + (i + 1) + ")");
                }
                int end = blockEnd(lines, i, PemKeys.PKCS8);
                privatePem = String.join("\n", lines.subList(i, end + 1));
                i = end;
            } else if (line.equals(PemKeys.begin(PemKeys.X509))) {
                if (pendingUntil == null) {
                    throw new IllegalStateException("the PUBLIC KEY at line " + (i + 1) + " has no '" + PUBLISHED_UNTIL + "' line before it");
                }
                int end = blockEnd(lines, i, PemKeys.X509);
                RSAPublicKey key = (RSAPublicKey) PemKeys.publicKey(String.join("\n", lines.subList(i, end + 1)), "line " + (i + 1));
                retired.add(new KeyRing.RetiredKey(key, pendingUntil));
                pendingUntil = null;
                i = end;
            } else if (line.startsWith("-----BEGIN RSA PRIVATE KEY")) {
                throw new IllegalStateException("a PKCS#1 key; convert it with: openssl pkcs8 -topk8 -nocrypt -in <file>");
            } else {
                throw new IllegalStateException("unexpected text at line " + (i + 1));
            }
        }
        if (privatePem == null) {
            throw new IllegalStateException("no '" + PemKeys.begin(PemKeys.PKCS8) + "' block");
        }
        return new KeyRing(KeyRing.pairOf(PemKeys.privateKey(privatePem, "the PRIVATE KEY")), retired);
    }

    private static int blockEnd(List<String> lines, int begin, String label) {
        for (int j = begin + 1; j < lines.size(); j++) {
            if (lines.get(j).equals(PemKeys.end(label))) {
                return j;
            }
        }
        throw new IllegalStateException("the " + label + " at line " + (begin + 1) + " has no END line");
    }

    private static Instant instant(String value, int line) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("line " + line + ": '" + value + "' is not an ISO-8601 instant");
        }
    }

    private static IllegalStateException unusable(Path file, String problem) {
        return new IllegalStateException("auth.signing-key.file " + file.toAbsolutePath() + ": " + problem
                + ". It is left as it is (tokens signed with its key would stop verifying): repair it, or move it"
                + " away to start with a new key.");
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // a stray temporary file in the key folder is harmless; the key file itself is intact
            }
        }
    }
}
