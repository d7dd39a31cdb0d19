package dev.resilient.llm.rest;

import static dev.resilient.llm.rest.ChatRequests.body;
import static dev.resilient.llm.rest.ChatRequests.chat;
import static dev.resilient.llm.rest.ChatRequests.message;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ChatCompletionsTest {

    @Test
    void answersInOpenAiShape() {
        long before = System.currentTimeMillis() / 1000;
        chat(body("stub-model-advanced", List.of(message("user", "hello there")))).statusCode(200)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("chatcmpl-[0-9a-f]+"))
                .body("object", equalTo("chat.completion"))
                .body("created", greaterThan((int) before - 1))
                .body("model", equalTo("stub-model-advanced"))
                .body("provider", equalTo("llm-stub"))
                .body("choices.size()", equalTo(1))
                .body("choices[0].index", equalTo(0))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.prompt_tokens", equalTo(2));
    }

    @Test
    void answerIncludesTheSystemContextSoRetrievalIsVisible() {
        chat(body("stub-model", List.of(
                message("system", "  Invoices are due in 30 days.  "),
                message("system", "Late fees are 2%."),
                message("user", "  When are invoices due?  ")))).statusCode(200)
                .body("choices[0].message.content", equalTo(
                        "[llm-stub] Answer to: When are invoices due? | Based on context: "
                                + "Invoices are due in 30 days. Late fees are 2%."));
    }

    @Test
    void saysSoWhenNoContextWasProvided() {
        chat(body(null, List.of(message("user", "What is up?")))).statusCode(200)
                .body("model", equalTo("stub-model"))
                .body("choices[0].message.content", equalTo("[llm-stub] Answer to: What is up? | No context was provided."));
    }

    @Test
    void answersTheLastUserMessage() {
        chat(body(null, List.of(message("user", "first question"), message("assistant", "first answer"),
                message("user", "second question")))).statusCode(200)
                .body("choices[0].message.content", equalTo("[llm-stub] Answer to: second question | No context was provided."));
    }

    @Test
    void sameConversationGivesTheSameContentButAFreshId() {
        Object request = body("stub-model", List.of(message("system", "ctx"), message("user", "same question")));
        JsonPath first = chat(request).statusCode(200).extract().jsonPath();
        JsonPath second = chat(request).statusCode(200).extract().jsonPath();
        assertEquals(first.getString("choices[0].message.content"), second.getString("choices[0].message.content"));
        assertNotEquals(first.getString("id"), second.getString("id"));
    }

    @Test
    void countsTokensAsWhitespaceSeparatedWords() {
        chat(body(null, List.of(message("system", "one two  three"), message("user", "four\nfive")))).statusCode(200)
                .body("usage.prompt_tokens", equalTo(5))
                // "[llm-stub] Answer to: four five | Based on context: one two three"
                .body("usage.completion_tokens", equalTo(12))
                .body("usage.total_tokens", equalTo(17));
    }

    @Test
    void truncatesTheQuestionTo500AndTheContextTo1000Characters() {
        String content = chat(body(null, List.of(message("system", "c".repeat(3000)), message("user", "q".repeat(2000)))))
                .statusCode(200).extract().path("choices[0].message.content");
        assertEquals("[llm-stub] Answer to: " + "q".repeat(500) + " | Based on context: " + "c".repeat(1000), content);
    }

    @Test
    void answers404ForAnUnknownModel() {
        chat(body("gpt-unknown", List.of(message("user", "hi")))).statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("model 'gpt-unknown' not found"));
    }

    @Test
    void acceptsTheOptionalParametersWithinRange() {
        chat("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":1,\"temperature\":0}").statusCode(200);
        chat("{\"messages\":[{\"role\":\"tool\",\"content\":\"42\"},{\"role\":\"user\",\"content\":\"\"}],"
                + "\"max_tokens\":100000,\"temperature\":2,\"stream\":false,\"top_p\":1}").statusCode(200);
    }

    @Test
    void rejectsInvalidRequestsWith400() {
        String user = "{\"role\":\"user\",\"content\":\"hi\"}";
        String[] bodies = {
            "{}",
            "{\"messages\":[]}",
            "{\"messages\":null}",
            "{\"messages\":\"hi\"}",
            "{\"messages\":[null]}",
            "{\"messages\":[{\"role\":\"system\",\"content\":\"only context\"}]}",
            "{\"messages\":[{\"role\":\"assistant\",\"content\":\"no user\"}]}",
            "{\"messages\":[{\"role\":\"wizard\",\"content\":\"hi\"}," + user + "]}",
            "{\"messages\":[{\"content\":\"hi\"}]}",
            "{\"messages\":[{\"role\":\"user\"}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":null}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":42}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":true}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":{\"text\":\"hi\"}}]}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(100_001) + "\"}]}",
            "{\"messages\":[" + String.join(",", java.util.Collections.nCopies(101, user)) + "]}",
            "{\"messages\":[" + user + "],\"max_tokens\":0}",
            "{\"messages\":[" + user + "],\"max_tokens\":-5}",
            "{\"messages\":[" + user + "],\"max_tokens\":100001}",
            "{\"messages\":[" + user + "],\"max_tokens\":1.5}",
            "{\"messages\":[" + user + "],\"max_tokens\":99999999999999999999}",
            "{\"messages\":[" + user + "],\"max_tokens\":\"lots\"}",
            "{\"messages\":[" + user + "],\"temperature\":-0.1}",
            "{\"messages\":[" + user + "],\"temperature\":2.01}",
            "{\"messages\":[" + user + "],\"temperature\":\"NaN\"}",
            "{\"messages\":[" + user + "],\"temperature\":1e999}",
            "{\"messages\":[" + user + "],\"stream\":true}",
            "{\"model\":\"\",\"messages\":[" + user + "]}",
            "{\"model\":42,\"messages\":[" + user + "]}",
            "{\"model\":\"" + "m".repeat(257) + "\",\"messages\":[" + user + "]}",
            "{\"messages\":[" + user,
            "[]",
            "null",
            "hello",
        };
        for (String body : bodies) {
            chat(body).statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
    }

    @Test
    void namesTheInvalidMessage() {
        chat("{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"wizard\",\"content\":\"x\"}]}")
                .statusCode(400).body("error", equalTo("messages[1].role must be one of system, user, assistant, tool"));
    }
}
