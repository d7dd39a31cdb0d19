package dev.resilient.backend.service;

/** A document could not be indexed (the critical step of ingestion). */
public class IndexingFailedException extends RuntimeException {

    private final boolean waitForBreaker;
    private final boolean refused;

    /**
     * @param waitForBreaker whether the call ended refused by the backend's own guard (see {@link #waitForBreaker()})
     * @param refused              whether chroma answered that it cannot take this document (a 4xx:
     *                             invalid, too large, or its store is full)
     */
    public IndexingFailedException(String reason, boolean waitForBreaker, boolean refused) {
        super((refused ? "Vector database refused the document: " : "Vector database unavailable: ") + reason);
        this.waitForBreaker = waitForBreaker;
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
     * True when the call ended refused by the backend's own guard rather than failed by chroma: no attempt
     * started (the breaker open, the bulkhead or concurrency limit full, no time left for a first attempt),
     * or the retry it still had was refused by a breaker that opened from closed meanwhile (a wave of
     * failures; not one its own failed half-open probe reopened). Either way another try now would be refused the same way, so the job waits
     * out the breaker's delay and does not spend one of its attempts on it; what it tried is not lost
     * (an upsert by document id).
     */
    public boolean waitForBreaker() {
        return waitForBreaker;
    }
}
