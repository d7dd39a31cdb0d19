package dev.resilient.backend.service;

/** Neither the vector store, full-text search nor the cache could answer a query. */
public class NoSearchSourceException extends RuntimeException {

    public NoSearchSourceException(String query) {
        super("no search source could answer: vector store and full-text search failed and nothing is cached for this query");
    }
}
