package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import dev.resilient.kit.deadline.DeadlineHeader;
import dev.resilient.kit.secrets.InternalTokenHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time and retry budgets, counted at the stub: the seeds' own per-attempt timeouts (15 s for
 * chroma) with a 3 s chat and 2 s search budget, and chroma's breaker kept out of the way so the
 * budgets alone decide how many attempts reach it.
 */
@QuarkusTest
@TestProfile(BudgetsTest.SeedTimeoutsShortBudgets.class)
class BudgetsTest extends HealthySuiteTest {

    static final long CHAT_BUDGET_MS = 3000;
    static final long SEARCH_BUDGET_MS = 2000;
    static final double RETRY_RATIO = 0.1;
    static final double RETRY_FLOOR_PER_SECOND = 0.5;
    static final long RETRY_WINDOW_S = 10;

    public static class SeedTimeoutsShortBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String chroma = "quarkus.fault-tolerance.\"dev.resilient.backend.resilience.ChromaGuard/call\".";
            return Map.of(
                    "%test.Timeout/value", "15000",
                    chroma + "circuit-breaker.request-volume-threshold", "1000",
                    "backend.budgets.deadline.endpoints.chat", CHAT_BUDGET_MS + "ms",
                    "backend.budgets.deadline.endpoints.search", SEARCH_BUDGET_MS + "ms",
                    "backend.budgets.retry.ratio", String.valueOf(RETRY_RATIO),
                    "backend.budgets.retry.min-per-second", String.valueOf(RETRY_FLOOR_PER_SECOND),
                    "backend.budgets.retry.window", RETRY_WINDOW_S + "s");
        }
    }

    @Test
    void chatWithChromaHangingAnswersFromFullTextAfterOnlyTheAttemptThatFitsItsBudget() {
        String project = Backend.freshProject();
        Backend.awaitJob("alice", Backend.submit("alice", project,
                Map.of("kiwi", "Kiwi birds cannot fly and live in New Zealand forests."))).body("state", equalTo("succeeded"));
        resetCounters("chroma-stub");
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\"}");

        Backend.chat("alice", project, "kiwi birds").statusCode(200)
                .body("context_source", equalTo("fulltext")).body("degraded", hasItem("vector_search"))
                .body("llm_provider", equalTo("primary"));

        // Without budgets: 3 attempts of 15 s each. With them: one attempt, cut at the deadline it announced.
        assertEquals(1, Stubs.requests("chroma-stub", "/query"), "chroma attempts");
        Map<String, Object> counters = chaosStatus("chroma-stub");
        long announced = ((Number) counters.get("deadline_max_ms")).longValue();
        assertTrue(announced > 0 && announced <= CHAT_BUDGET_MS, "deadline header " + announced + " ms");
        assertTrue(announced <= SEARCH_BUDGET_MS, "the chat's search step has the search budget: " + announced + " ms");
        await().atMost(Duration.ofSeconds(5)).until(
                () -> ((Number) chaosStatus("chroma-stub").get("deadline_exceeded_total")).longValue() == 1);
        Backend.status("alice").body("services.chroma.state", equalTo("closed"));
    }

    @Test
    void callersOwnShorterDeadlineHeaderShortensTheSearchBudget() {
        String project = Backend.freshProject();
        resetCounters("chroma-stub");
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\"}");

        given().header("Authorization", Tokens.bearer("alice")).header(DeadlineHeader.NAME, "600")
                .contentType(ContentType.JSON).body(Map.of("query", "anything", "project_id", project))
                .post("/v1/api/search").then().statusCode(200).body("source", equalTo("fulltext"));

        long announced = ((Number) chaosStatus("chroma-stub").get("deadline_max_ms")).longValue();
        assertTrue(announced > 0 && announced <= 600, "deadline header " + announced + " ms");
    }

    @Test
    void malformedCallerDeadlineIsA400JsonError() {
        given().header("Authorization", Tokens.bearer("alice")).header(DeadlineHeader.NAME, "tomorrow")
                .contentType(ContentType.JSON).body(Map.of("query", "q", "project_id", Backend.freshProject()))
                .post("/v1/api/search").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString(DeadlineHeader.NAME));
    }

    @Test
    void sustainedChromaOutageGetsRetriesOnlyWithinTheRetryBudget() {
        String project = Backend.freshProject();
        // Let the previous tests' calls leave the window, so the budget starts from its floor.
        await().atMost(Duration.ofSeconds(RETRY_WINDOW_S + 5)).pollInterval(Duration.ofMillis(250))
                .until(() -> Backend.status("alice").extract().jsonPath().getLong("services.chroma.retry_budget.calls") == 0);
        resetCounters("chroma-stub");
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":500}");
        int searches = 60;
        long start = System.nanoTime();
        for (int i = 0; i < searches; i++) {
            Backend.search("alice", project, "outage question " + i).statusCode(200).body("source", equalTo("fulltext"));
        }
        double elapsedS = (System.nanoTime() - start) / 1e9;

        long reached = Stubs.requests("chroma-stub", "/query");
        long retries = reached - searches;
        // Each window of 10 s allows 10% of its calls plus the floor; the run spans at most ceil(elapsed / 10) + 1 windows.
        long windows = (long) Math.ceil(elapsedS / RETRY_WINDOW_S) + 1;
        long allowed = (long) Math.ceil(RETRY_RATIO * searches) + (long) (RETRY_FLOOR_PER_SECOND * RETRY_WINDOW_S) * windows;
        assertTrue(retries > 0, "the floor still lets a few retries through");
        assertTrue(retries <= allowed, retries + " retries for " + searches + " calls; the budget allows " + allowed
                + " (without it: " + 2 * searches + ")");
        Backend.status("alice").body("services.chroma.retry_budget.denied", greaterThan(0))
                .body("services.chroma.retry_budget.ratio", equalTo((float) RETRY_RATIO));
    }

    private static void resetCounters(String stub) {
        given().baseUri(Stubs.get(stub).url()).header(InternalTokenHeader.NAME, Stubs.TOKEN).delete("/_chaos/counters")
                .then().statusCode(200);
    }

    private static Map<String, Object> chaosStatus(String stub) {
        return Stubs.get(stub, "/_chaos").statusCode(200).extract().jsonPath().getMap("$");
    }
}
