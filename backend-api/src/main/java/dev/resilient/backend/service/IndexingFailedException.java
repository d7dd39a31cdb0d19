package dev.resilient.backend.service;

/** A document could not be indexed (the critical step of ingestion). */
public class IndexingFailedException extends RuntimeException {

    private final boolean nothingReachedChroma;

    /** @param nothingReachedChroma whether the call failed before its first attempt started */
    public IndexingFailedException(String reason, boolean nothingReachedChroma) {
        super("Vector database unavailable: " + reason);
        this.nothingReachedChroma = nothingReachedChroma;
    }

    /**
     * True when no attempt started, so chroma saw nothing of this document: its breaker was open,
     * its bulkhead full, or no time was left for a first attempt. Not chroma's failure, so the job
     * does not spend one of its attempts on it (it waits out the breaker's delay instead).
     */
    public boolean nothingReachedChroma() {
        return nothingReachedChroma;
    }
}
