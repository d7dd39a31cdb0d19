package dev.resilient.backend.service;

/** A document could not be indexed (the critical step of ingestion). */
public class IndexingFailedException extends RuntimeException {

    private final boolean breakerOpen;

    public IndexingFailedException(String reason, boolean breakerOpen) {
        super("Vector database unavailable: " + reason);
        this.breakerOpen = breakerOpen;
    }

    /** True when nothing reached the vector store: its breaker was open. */
    public boolean breakerOpen() {
        return breakerOpen;
    }
}
