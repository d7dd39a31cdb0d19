package dev.resilient.backend.client.llm;

import java.util.List;

/** The parts of an OpenAI-compatible chat completion the backend reads. */
public record ChatCompletion(String model, List<Choice> choices) {

    public record Choice(int index, ChatMessage message) {
    }

    /** The first choice's text, or null when there is none. */
    public String text() {
        return choices == null || choices.isEmpty() || choices.get(0).message() == null
                ? null : choices.get(0).message().content();
    }
}
