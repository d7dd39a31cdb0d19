package dev.resilient.backend.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds' failure scenarios end to end: the backend against the real stub processes, broken
 * through their chaos API or stopped outright. The test profile shortens waits (100 ms backoff,
 * 1 s per-attempt timeout, 2 s open breaker); the policy's shape is the production one.
 */
@QuarkusTest
class ResilienceScenariosTest extends HealthySuiteTest {

    private String projectWithDocs() {
        String project = Backend.freshProject();
        String job = Backend.submit("alice", project, Map.of(
                "kiwi", "Kiwi birds cannot fly and live in New Zealand forests.",
                "volcano", "A volcano erupts molten lava and ash."));
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded"))
                .body("indexed", equalTo(2)).body("saved", equalTo(2)).body("git_failed", equalTo(false));
        return project;
    }

    @Test
    void searchAnswersFromVectorStoreWhenHealthy() {
        String project = projectWithDocs();
        Backend.search("alice", project, "kiwi birds").statusCode(200)
                .body("source", equalTo("vector")).body("degraded", equalTo(false))
                .body("results[0].id", equalTo("kiwi"));
    }

    @Test
    void searchFallsBackToFullTextWhileChromaIsRefused() {
        String project = projectWithDocs();
        Stubs.get("chroma-stub").stop();
        try {
            Backend.search("alice", project, "volcano").statusCode(200)
                    .body("source", equalTo("fulltext")).body("degraded", equalTo(true))
                    .body("results[0].text", containsString("volcano"));
        } finally {
            Stubs.get("chroma-stub").start();
        }
    }

    @Test
    void fullTextFallbackSearchesTheIngestedDocumentsNotTheChatHistory() {
        String project = projectWithDocs();
        Backend.chat("alice", project, "does a zeppelin float?").statusCode(200);
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":500}");
        // the chat history (chat_history.md) now holds "zeppelin"; the documents do not
        Backend.search("alice", project, "zeppelin").statusCode(200).body("source", equalTo("fulltext"))
                .body("results", empty());
        Backend.search("alice", project, "volcano").statusCode(200).body("source", equalTo("fulltext"))
                .body("results[0].metadata.path", equalTo("docs/volcano.md"));
    }

    @Test
    void searchFallsBackToFullTextWhileChromaAnswers500() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":500}");
        Backend.search("alice", project, "volcano").statusCode(200).body("source", equalTo("fulltext"));
    }

    @Test
    void searchFallsBackToFullTextWhileChromaHangs() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\"}");
        Backend.search("alice", project, "volcano").statusCode(200).body("source", equalTo("fulltext"));
        Backend.status("alice").body("services.chroma.last_error", startsWith("timed out"));
    }

    @Test
    void slowChromaHitsTheTimeoutAndSearchFallsBack() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":3000}");
        Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));
        Backend.status("alice").body("services.chroma.last_error", startsWith("timed out"));
    }

    @Test
    void searchServesLastGoodResultWhenChromaAndFilesystemFailThen503ForUnknownQuery() {
        String project = projectWithDocs();
        Backend.search("alice", project, "molten lava").statusCode(200).body("source", equalTo("vector"));
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        Stubs.chaos("filesystem-stub", "{\"mode\":\"error\"}");
        Backend.search("alice", project, "molten lava").statusCode(200)
                .body("source", equalTo("cache")).body("results[0].id", equalTo("volcano"));
        Backend.search("alice", project, "never asked before").statusCode(503).body("error", containsString("unavailable"));
    }

    @Test
    void chatUsesTheRetrievedContextInItsAnswer() {
        String project = projectWithDocs();
        Backend.chat("alice", project, "Can kiwi birds fly?").statusCode(200)
                .body("response", containsString("Kiwi birds cannot fly"))
                .body("context_source", equalTo("vector"))
                .body("degraded", equalTo(List.of()));
    }

    @Test
    void chatAnswers200NamingWhatIsMissingWhenEveryDownstreamIsDown() {
        String project = projectWithDocs();
        for (String stub : Stubs.DOWNSTREAMS) {
            Stubs.chaos(stub, "{\"mode\":\"error\"}");
        }
        Backend.chat("alice", project, "Can kiwi birds fly when everything is down?").statusCode(200)
                .body("response", containsString("temporarily unavailable"))
                .body("llm_provider", equalTo("none"))
                .body("context_sources", equalTo(0))
                .body("degraded", hasItems("vector_search", "fulltext_search", "llm", "history"));
    }

    @Test
    void opensBreakerAfterFiveFailuresAndStopsCallingChroma() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        long before = Stubs.requests("chroma-stub", "/query");
        // Call 1: 3 attempts fail. Call 2: 2 more reach the threshold of 5, the breaker opens,
        // and the third attempt is rejected without a retry.
        Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));
        Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));
        assertEquals(5, Stubs.requests("chroma-stub", "/query") - before);
        Backend.status("alice").body("services.chroma.state", equalTo("open"))
                .body("services.chroma.failure_count", equalTo(5))
                .body("operation_mode", not(equalTo("NORMAL")));
        for (int i = 0; i < 5; i++) {
            Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));
        }
        assertEquals(5, Stubs.requests("chroma-stub", "/query") - before, "an open breaker must not reach chroma");
    }

    @Test
    void halfOpenProbeClosesTheBreakerOnceChromaRecovers() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        Backend.search("alice", project, "kiwi");
        Backend.search("alice", project, "kiwi");
        Backend.status("alice").body("services.chroma.state", equalTo("open"));
        Stubs.heal("chroma-stub");
        // After the open delay (2 s in tests) the next call is the half-open probe; it succeeds.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("vector")));
        Backend.status("alice").body("services.chroma.state", equalTo("closed"))
                .body("services.chroma.failure_count", equalTo(0));
    }

    @Test
    void clientErrorIsNeitherRetriedNorCountedAsBreakerFailure() {
        String project = projectWithDocs();
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":400,\"path\":\"/query\"}");
        long before = Stubs.requests("chroma-stub", "/query");
        for (int i = 0; i < 6; i++) {
            Backend.search("alice", project, "kiwi").statusCode(200);
        }
        assertEquals(6, Stubs.requests("chroma-stub", "/query") - before, "a 4xx must not be retried");
        Backend.status("alice").body("services.chroma.state", equalTo("closed"))
                .body("services.chroma.failure_count", equalTo(0));
    }

    @Test
    void billingDownAnswers503AndChargesNothing() {
        BigDecimal before = balance("bob");
        Stubs.chaos("billing-stub", "{\"mode\":\"error\",\"path\":\"/deduct\"}");
        Backend.deduct("bob", "1.25").statusCode(503).body("error", equalTo("Cannot process billing"));
        Stubs.heal("billing-stub");
        assertEquals(0, before.compareTo(balance("bob")), "nothing charged");
    }

    @Test
    void lostBillingResponseIsRetriedWithTheSameKeyAndChargesOnce() {
        BigDecimal before = balance("bob");
        long deducts = Stubs.requests("billing-stub", "/deduct");
        Stubs.chaos("billing-stub", "{\"mode\":\"reset\",\"phase\":\"response\",\"times\":1,\"path\":\"/deduct\"}");
        Backend.deduct("bob", "2.50").statusCode(200).body("replayed", equalTo(true));
        assertEquals(2, Stubs.requests("billing-stub", "/deduct") - deducts, "the lost answer is retried once");
        assertEquals(0, before.subtract(new BigDecimal("2.50")).compareTo(balance("bob")), "charged exactly once");
    }

    @Test
    void insufficientFundsPassesThroughAs402() {
        BigDecimal before = balance("bob");
        Backend.deduct("bob", "999999").statusCode(402).body("error", containsString("insufficient"))
                .body("balance", org.hamcrest.Matchers.notNullValue());
        assertEquals(0, before.compareTo(balance("bob")), "nothing charged");
    }

    @Test
    void ingestionSucceedsWithGitFailedWhenGitIsDown() {
        Stubs.get("git-stub").stop();
        try {
            String job = Backend.submit("alice", Backend.freshProject(), Map.of("doc1", "some words"));
            Backend.awaitJob("alice", job).body("state", equalTo("succeeded"))
                    .body("indexed", equalTo(1)).body("git_failed", equalTo(true));
        } finally {
            Stubs.get("git-stub").start();
        }
    }

    @Test
    void ingestionRetriesThenFailsAsCriticalWhenChromaIsDown() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        String job = Backend.submit("alice", Backend.freshProject(), Map.of("doc1", "some words"));
        Backend.awaitJob("alice", job).body("state", equalTo("failed"))
                .body("attempts", equalTo(8)).body("max_attempts", equalTo(8))
                .body("last_error", containsString("Vector database unavailable")).body("indexed", equalTo(0))
                .body("saved", equalTo(1));
    }

    @Test
    void reIngestingTheSameDocumentsNeverDuplicatesChunks() {
        String project = projectWithDocs();
        Backend.awaitJob("alice", Backend.submit("alice", project,
                Map.of("kiwi", "Kiwi birds cannot fly and live in New Zealand forests."))).body("state", equalTo("succeeded"));
        Stubs.get("chroma-stub", "/collections/project_alice__" + project).statusCode(200)
                .body("count", equalTo(2));
        Backend.search("alice", project, "kiwi").body("results.size()", greaterThan(0));
    }

    private static BigDecimal balance(String account) {
        return new BigDecimal(Stubs.get("billing-stub", "/accounts/" + account).statusCode(200)
                .extract().jsonPath().getString("balance"));
    }
}
