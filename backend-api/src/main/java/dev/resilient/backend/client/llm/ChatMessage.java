package dev.resilient.backend.client.llm;

/** One message of an OpenAI-compatible chat completion. */
public record ChatMessage(String role, String content) {
}
