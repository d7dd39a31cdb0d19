package dev.resilient.backend.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One document to ingest; {@code id} is the stable chunk id, so a re-run never duplicates it. */
public record DocumentIn(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,128}") String id,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._ -]{0,127}") String filename,
        @NotNull @Size(max = 200_000) String content) {
}
