package dev.resilient.backend.model;

/** One message of an OpenAI-compatible chat completion. */
public record ChatMessage(String role, String content) {
}
