package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.service.ChatHistory;
import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's "chat saved in memory": while the filesystem fails, each chat's exchange waits in the
 * backend's memory, and once the filesystem is back they are all written to chat_history.md, in the
 * order the chats were answered, followed by the ones after the outage.
 */
@QuarkusTest
class ChatHistoryOutageTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ChatHistory chatHistory;

    @BeforeEach
    @AfterEach
    void healthy() {
        Backend.healthyWithNoHistoryWaiting(breakers, chatHistory);
    }

    private static String history(String project) {
        return Stubs.get("filesystem-stub", "/projects/alice__" + project + "/files/chat_history.md")
                .statusCode(200).extract().path("content");
    }

    @Test
    void exchangesDuringAFilesystemOutageReachTheHistoryInOrderOnceItIsBack() {
        String project = Backend.freshProject();
        String first = "before the outage: first?";
        List<String> during = List.of("during the outage: second?", "during the outage: third?",
                "during the outage: fourth?");
        String last = "after the outage: fifth?";
        Backend.chat("alice", project, first).statusCode(200)
                .body("history", equalTo("saved")).body("degraded", not(hasItem("history")));

        Stubs.chaos("filesystem-stub", "{\"mode\":\"error\",\"path\":\"/save_file\"}");
        for (String message : during) {
            Backend.chat("alice", project, message).statusCode(200)
                    .body("history", equalTo("saved in memory")).body("degraded", hasItem("history"));
        }
        assertFalse(history(project).contains("second?"), "nothing written while the filesystem fails");
        assertEquals(3, chatHistory.pending());

        Stubs.heal("filesystem-stub");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> chatHistory.pending() == 0);
        Backend.chat("alice", project, last).statusCode(200).body("history", equalTo("saved"));

        String history = history(project);
        int at = -1;
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(during);
        all.add(last);
        for (String message : all) {
            int next = history.indexOf("## User\n" + message);
            assertTrue(next > at, message + " after what came before it: " + history);
            assertEquals(-1, history.indexOf("## User\n" + message, next + 1), message + " written once: " + history);
            at = next;
        }
    }
}
