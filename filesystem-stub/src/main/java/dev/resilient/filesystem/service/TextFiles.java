package dev.resilient.filesystem.service;

import dev.resilient.filesystem.config.FilesystemConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Reads a file as text when it is one: valid UTF-8, no NUL byte, at most {@code filesystem.max-file-bytes}. */
@ApplicationScoped
public class TextFiles {

    private final long maxBytes;

    TextFiles(FilesystemConfig config) {
        this.maxBytes = config.maxFileBytes();
    }

    /** The file's text, or empty when it is missing, too large or not text. */
    public Optional<String> read(Path file) throws IOException {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > maxBytes) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            for (byte b : bytes) {
                if (b == 0) {
                    return Optional.empty();
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (NoSuchFileException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
