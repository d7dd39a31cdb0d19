package dev.resilient.backend.service;

/** A document could not be indexed (the critical step of ingestion). */
public class IndexingFailedException extends RuntimeException {

    private final boolean nothingReachedChroma;
    private final boolean refused;

    /**
     * @param nothingReachedChroma whether the call failed before its first attempt started
     * @param refused              whether chroma answered that it cannot take this document (a 4xx:
     *                             invalid, too large, or its store is full)
     */
    public IndexingFailedException(String reason, boolean nothingReachedChroma, boolean refused) {
        super((refused ? "Vector database refused the document: " : "Vector database unavailable: ") + reason);
        this.nothingReachedChroma = nothingReachedChroma;
        this.refused = refused;
    }

    /**
     * True when chroma answered and refused the document (4xx, e.g. 507 collection limit, 400 too
     * long): the same request would be refused again, so the job fails at once with this reason
     * instead of spending its attempts.
     */
    public boolean refused() {
        return refused;
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
