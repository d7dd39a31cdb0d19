package dev.resilient.backend.service;

/** Neither LLM provider could answer. */
public class LlmUnavailableException extends RuntimeException {

    public LlmUnavailableException(String reason) {
        super("no LLM provider could answer: " + reason);
    }
}
