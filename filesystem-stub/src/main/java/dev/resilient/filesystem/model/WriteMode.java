package dev.resilient.filesystem.model;

/** How {@code /save_file} treats an existing file. */
public enum WriteMode {
    /** Add the content at the end (the chat history grows this way); the default. */
    APPEND,
    /** Replace the whole file atomically (re-saving an ingested document is idempotent). */
    OVERWRITE
}
