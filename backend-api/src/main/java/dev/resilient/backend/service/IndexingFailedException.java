package dev.resilient.backend.service;

/** Ingestion stopped because a document could not be indexed (the critical step). */
public class IndexingFailedException extends RuntimeException {

    private final int saved;
    private final int indexed;

    public IndexingFailedException(int saved, int indexed, String reason) {
        super("Vector database unavailable: " + reason);
        this.saved = saved;
        this.indexed = indexed;
    }

    public int saved() {
        return saved;
    }

    public int indexed() {
        return indexed;
    }
}
