package dev.resilient.backend.service;

/** A generated answer and who produced it ({@code primary} or {@code secondary}) with which model. */
public record LlmAnswer(String text, String provider, String model) {
}
