package dev.resilient.chroma.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One chunk of a document as sent to {@code /add_chunks}. Metadata is optional (stored as
 * {@code {}} when absent) and holds only string, number or boolean values.
 */
public record Chunk(String id, String text, Map<String, Object> metadata) {

    public static final int MAX_ID_CHARS = 256;
    public static final int MAX_TEXT_CHARS = 100_000;
    public static final int MAX_METADATA_KEYS = 50;
    public static final int MAX_METADATA_KEY_CHARS = 256;
    public static final int MAX_METADATA_VALUE_CHARS = 10_000;

    public Chunk {
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** @throws IllegalArgumentException naming the chunk and the first rule it breaks */
    public void validate() {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("chunk id must not be blank");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException("chunk id must be at most " + MAX_ID_CHARS + " characters");
        }
        if (text == null) {
            throw new IllegalArgumentException("chunk '" + id + "': text is required");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("chunk '" + id + "': text must be at most " + MAX_TEXT_CHARS + " characters");
        }
        if (metadata.size() > MAX_METADATA_KEYS) {
            throw new IllegalArgumentException("chunk '" + id + "': metadata must have at most " + MAX_METADATA_KEYS + " keys");
        }
        metadata.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_METADATA_KEY_CHARS) {
                throw new IllegalArgumentException("chunk '" + id + "': metadata keys must have 1 to "
                        + MAX_METADATA_KEY_CHARS + " characters");
            }
            if (!isAllowedValue(value)) {
                throw new IllegalArgumentException("chunk '" + id + "': metadata '" + key
                        + "' must be a string (at most " + MAX_METADATA_VALUE_CHARS
                        + " characters), a finite number or a boolean");
            }
        });
    }

    private static boolean isAllowedValue(Object value) {
        if (value instanceof String s) {
            return s.length() <= MAX_METADATA_VALUE_CHARS;
        }
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        return value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof BigInteger || value instanceof BigDecimal;
    }
}
