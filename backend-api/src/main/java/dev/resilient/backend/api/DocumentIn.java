package dev.resilient.backend.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One document to ingest; {@code id} is the stable chunk id, so a re-run never duplicates it.
 * {@code content} is bounded by what the vector store indexes as one chunk (chroma-stub's
 * {@code Chunk.MAX_TEXT_CHARS}, 100,000 characters): a longer document is refused at submission
 * with a 400, never accepted and then failed by the job. A NUL character is refused the same way on
 * every database (PostgreSQL cannot store one in text).
 */
public record DocumentIn(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String id,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._ -]{0,127}") String filename,
        @NotNull @Size(max = MAX_CONTENT_CHARS)
        @Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters (U+0000), which the job store cannot keep")
        String content) {

    /** The vector store's limit for one chunk. */
    public static final int MAX_CONTENT_CHARS = 100_000;
}
