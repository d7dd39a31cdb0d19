package dev.resilient.backend.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.api.SearchHit;
import dev.resilient.backend.client.llm.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prompt stays within its context budget however large the documents found. */
class ChatPromptTest {

    private static SearchHit hit(String text) {
        return new SearchHit("id", text, Map.of(), null);
    }

    @Test
    void passagesBeyondTheContextBudgetAreCutClosestFirst() {
        List<ChatMessage> prompt = ChatService.prompt("question?",
                List.of(hit("a".repeat(84_000)), hit("b".repeat(84_000)), hit("c".repeat(10))), 12_000);
        String system = prompt.get(0).content();
        assertEquals(12_000, system.chars().filter(c -> c == 'a').count(), "the closest passage fills the budget");
        assertTrue(!system.contains("bb") && !system.contains("cccccccccc"), "nothing past the budget");
        assertEquals("question?", prompt.get(1).content());
    }

    @Test
    void smallPassagesGoInWhole() {
        String system = ChatService.prompt("q", List.of(hit("kiwi"), hit("volcano")), 12_000).get(0).content();
        assertEquals("Answer using this context:\n- kiwi\n- volcano", system);
    }
}
