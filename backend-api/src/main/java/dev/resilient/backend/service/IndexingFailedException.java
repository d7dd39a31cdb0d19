package dev.resilient.backend.service;

/** A document could not be indexed (the critical step of ingestion). */
public class IndexingFailedException extends RuntimeException {

    public IndexingFailedException(String reason) {
        super("Vector database unavailable: " + reason);
    }
}
