package dev.resilient.llm.service;

import dev.resilient.llm.model.ChatMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the deterministic answer from the conversation, so a caller can see which provider
 * answered and whether it was given retrieved context:
 * {@code [<provider>] Answer to: <last user message> | Based on context: <system messages>}, or
 * {@code ... | No context was provided.} without system messages. Same input, same output.
 */
@ApplicationScoped
public class AnswerComposer {

    public static final int MAX_QUESTION_CHARS = 500;
    public static final int MAX_CONTEXT_CHARS = 1000;

    /** @param messages a validated conversation: it holds at least one user message */
    public String compose(String providerName, List<ChatMessage> messages) {
        String question = messages.stream()
                .filter(m -> m.hasRole(ChatMessage.USER))
                .reduce((first, second) -> second)
                .map(m -> truncate(m.content().strip(), MAX_QUESTION_CHARS))
                .orElseThrow(() -> new IllegalArgumentException("no user message"));
        List<String> context = messages.stream()
                .filter(m -> m.hasRole(ChatMessage.SYSTEM))
                .map(m -> m.content().strip())
                .toList();
        String answer = "[" + providerName + "] Answer to: " + question;
        return context.isEmpty()
                ? answer + " | No context was provided."
                : answer + " | Based on context: " + truncate(context.stream().collect(Collectors.joining(" ")), MAX_CONTEXT_CHARS);
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
