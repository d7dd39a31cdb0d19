package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.service.ChatHistory;
import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An operation's own timeout inside its downstream's policy: saving the chat history (seed 000's
 * {@code timeout=10}, 300 ms here) cuts each attempt below the filesystem's timeout (1 s in the test
 * profile), and the cut attempt is retried as any timed-out attempt.
 */
@QuarkusTest
@TestProfile(OperationTimeoutTest.ShortHistorySave.class)
class OperationTimeoutTest {

    public static class ShortHistorySave implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.chat.history-save-timeout", "300ms");
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ChatHistory chatHistory;

    @BeforeEach
    @AfterEach
    void healthy() {
        Backend.healthyWithNoHistoryWaiting(breakers, chatHistory);
    }

    @Test
    void eachAttemptOfSavingTheHistoryIsCutAtItsOwnTimeoutAndRetried() {
        String project = Backend.freshProject();
        Backend.status("alice").body("services.filesystem.policy.operation_timeouts_ms.history-save", equalTo(300));
        Stubs.chaos("filesystem-stub", "{\"mode\":\"slow\",\"latency_ms\":800,\"path\":\"/save_file\"}");
        Stubs.resetCounters("filesystem-stub");

        Backend.chat("alice", project, "Is each attempt cut at 300 ms?").statusCode(200)
                .body("history", equalTo("saved in memory"));

        JsonPath seen = Stubs.get("filesystem-stub", "/_chaos").statusCode(200).extract().jsonPath();
        assertTrue(seen.getLong("deadline_max_ms") <= 300, "each attempt announced at most 300 ms: " + seen.prettify());
        assertTrue(seen.getLong("deadline_exceeded_total") >= 3, "the three attempts were cut: " + seen.prettify());
        Backend.status("alice").body("services.filesystem.last_error", startsWith("timed out"));

        Stubs.heal("filesystem-stub");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> chatHistory.pending() == 0);
        String history = Stubs.get("filesystem-stub", "/projects/alice__" + project + "/files/chat_history.md")
                .statusCode(200).extract().path("content");
        assertEquals(history.indexOf("## User\nIs each attempt cut"), history.lastIndexOf("## User\nIs each attempt cut"),
                "written once: " + history);
        assertTrue(history.contains("## User\nIs each attempt cut at 300 ms?"));
    }
}
