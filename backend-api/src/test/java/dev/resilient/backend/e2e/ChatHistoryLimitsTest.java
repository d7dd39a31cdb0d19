package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.service.ChatHistory;
import dev.resilient.backend.support.Stubs;
import io.micrometer.core.instrument.MeterRegistry;
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
 * The chat history's limits, lowered for this test: saving an exchange has its own timeout inside the
 * filesystem's policy (seed 000's {@code timeout=10}, 300 ms here), which cuts each attempt below the
 * filesystem's timeout (1 s in the test profile) and is retried as any timed-out attempt; and at most
 * {@code backend.chat.history-buffer-size} exchanges (2 here) wait in memory.
 */
@QuarkusTest
@TestProfile(ChatHistoryLimitsTest.ShortHistorySave.class)
class ChatHistoryLimitsTest {

    public static class ShortHistorySave implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.chat.history-save-timeout", "300ms", "backend.chat.history-buffer-size", "2");
        }
    }

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ChatHistory chatHistory;

    @Inject
    MeterRegistry registry;

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

    @Test
    void pastTheBufferAnExchangeIsNotSavedAndCounted() {
        String project = Backend.freshProject();
        Stubs.chaos("filesystem-stub", "{\"mode\":\"error\",\"path\":\"/save_file\"}");
        double dropped = registry.get("chat.history.dropped").counter().count();

        Backend.chat("alice", project, "kept first?").statusCode(200).body("history", equalTo("saved in memory"));
        Backend.chat("alice", project, "kept second?").statusCode(200).body("history", equalTo("saved in memory"));
        Backend.chat("alice", project, "one too many?").statusCode(200).body("history", equalTo("not saved"))
                .body("degraded", org.hamcrest.Matchers.hasItem("history"));

        assertEquals(dropped + 1, registry.get("chat.history.dropped").counter().count());
        Stubs.heal("filesystem-stub");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> chatHistory.pending() == 0);
        String history = Stubs.get("filesystem-stub", "/projects/alice__" + project + "/files/chat_history.md")
                .statusCode(200).extract().path("content");
        assertTrue(history.indexOf("## User\nkept first?") < history.indexOf("## User\nkept second?"), history);
        assertFalse(history.contains("## User\none too many?"), history);
    }
}
