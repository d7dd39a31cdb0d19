package dev.resilient.llm.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.resilient.llm.model.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerComposerTest {

    private final AnswerComposer composer = new AnswerComposer();
    private final List<ChatMessage> conversation = List.of(
            new ChatMessage("system", "Refunds take 5 days."), new ChatMessage("user", "How long do refunds take?"));

    @Test
    void answerDiffersPerProviderName() {
        String primary = composer.compose("primary", conversation);
        String secondary = composer.compose("secondary", conversation);
        assertEquals("[primary] Answer to: How long do refunds take? | Based on context: Refunds take 5 days.", primary);
        assertEquals("[secondary] Answer to: How long do refunds take? | Based on context: Refunds take 5 days.", secondary);
        assertNotEquals(primary, secondary);
    }

    @Test
    void sameInputGivesSameOutput() {
        assertEquals(composer.compose("p", conversation), new AnswerComposer().compose("p", conversation));
    }

    @Test
    void ignoresAssistantAndToolMessagesForContext() {
        assertEquals("[p] Answer to: q | No context was provided.", composer.compose("p", List.of(
                new ChatMessage("assistant", "earlier"), new ChatMessage("tool", "result"), new ChatMessage("user", "q"))));
    }

    @Test
    void neverSplitsASurrogatePairWhenTruncating() {
        String text = "a".repeat(499) + "😀" + "tail";
        assertEquals("a".repeat(499), AnswerComposer.truncate(text, 500));
    }

    @Test
    void countsWhitespaceSeparatedWords() {
        assertEquals(0, TokenCounter.count("   "));
        assertEquals(3, TokenCounter.count(" one\ttwo\n three "));
    }
}
