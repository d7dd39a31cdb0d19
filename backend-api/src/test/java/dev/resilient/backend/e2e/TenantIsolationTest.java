package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import dev.resilient.kit.deadline.DeadlineHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's attacks on shared protections, alice attacking and bob the bystander whose outcome is
 * asserted: what one user does to her own calls must not take a downstream away from everyone.
 */
@QuarkusTest
class TenantIsolationTest extends HealthySuiteTest {

    @AfterEach
    void heal() {
        Stubs.startAndHealDownstreams();
    }

    @Test
    void aliceGivingHerChatsLessTimeThanTheLlmNeedsDoesNotOpenItsBreakersForBob() {
        String aliceProject = Backend.freshProject();
        String bobProject = Backend.freshProject();
        Stubs.chaos("llm-stub", "{\"mode\":\"slow\",\"latency_ms\":800}");
        Stubs.chaos("llm-stub-secondary", "{\"mode\":\"slow\",\"latency_ms\":800}");

        for (int i = 0; i < 6; i++) {
            given().header("Authorization", Tokens.bearer("alice")).header(DeadlineHeader.NAME, "450")
                    .contentType(ContentType.JSON)
                    .body(Map.of("message", "alice in a hurry " + i, "project_id", aliceProject))
                    .post("/v1/api/chat").then().statusCode(200).body("degraded", hasItem("llm"));
        }

        for (String llm : List.of("llm-primary", "llm-secondary", "chroma")) {
            assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(llm), llm + " breaker after alice's chats");
        }
        Backend.chat("bob", bobProject, "a patient question").statusCode(200)
                .body("llm_provider", equalTo("primary")).body("degraded", not(hasItem("llm")));
    }

    @Test
    void aDownstreamsCapacityAnswerFailsOnlyTheJobThatCausedItAtOnceAndTripsNoBreaker() {
        String bobProject = Backend.freshProject();
        Backend.awaitJob("bob", Backend.submit("bob", bobProject, Map.of("kiwi", "Kiwi birds cannot fly.")))
                .body("state", equalTo("succeeded"));
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":507,\"path\":\"/add_chunks\"}");

        for (int i = 0; i < 6; i++) {
            String job = Backend.submit("alice", Backend.freshProject(), Map.of("doc" + i, "one more collection"));
            Backend.awaitJob("alice", job).body("state", equalTo("failed")).body("attempts", equalTo(1))
                    .body("last_error", containsString("507"));
        }

        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("chroma"));
        Backend.search("bob", bobProject, "kiwi birds").statusCode(200)
                .body("source", equalTo("vector")).body("results[0].id", equalTo("kiwi"));
    }

    @Test
    void aDocumentTheVectorStoreCannotIndexIsRefusedAtSubmissionNotFailedLater() {
        Backend.ingest("alice", Backend.freshProject(), Map.of("huge", "x".repeat(100_001))).statusCode(400)
                .body("error", containsString("content"));
        Backend.ingest("alice", Backend.freshProject(), Map.of("largest", "x".repeat(100_000))).statusCode(202);
    }

    @Test
    void aliceFloodingTheQueueWithTopPriorityJobsDoesNotKeepBobsJobWaitingBehindThem() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":500}"); // 4 workers: about 8 jobs a second
        List<String> aliceJobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            aliceJobs.add(submit("alice", 9, "d" + i));
        }
        String bobJob = submit("bob", 0, "b");

        Instant bobDone = Instant.parse(Backend.awaitJob("bob", bobJob).body("state", equalTo("succeeded"))
                .extract().<String>path("finished_at"));
        long aliceAfterBob = aliceJobs.stream()
                .map(id -> Instant.parse(Backend.awaitJob("alice", id).extract().<String>path("finished_at")))
                .filter(done -> done.isAfter(bobDone)).count();
        assertTrue(aliceAfterBob >= 10, "bob's priority-0 job finished after " + (40 - aliceAfterBob)
                + " of alice's 40 priority-9 jobs submitted before it");
    }

    @Test
    void bobAskingWhatAliceAskedGetsHisOwnAnswerNotHersFromTheCache() {
        String question = "what is the capital of nowhere " + Backend.freshProject() + "?";
        String empty = Backend.freshProject(); // no documents: both prompts are the question alone
        Backend.chat("alice", empty, question).statusCode(200).body("llm_provider", equalTo("primary"));
        long asked = Stubs.requests("llm-stub", "/v1/chat/completions");
        Backend.chat("alice", empty, question).statusCode(200);
        assertEquals(asked, Stubs.requests("llm-stub", "/v1/chat/completions"), "alice's repeat comes from her cache");

        Backend.chat("bob", empty, question).statusCode(200).body("llm_provider", equalTo("primary"));
        assertEquals(asked + 1, Stubs.requests("llm-stub", "/v1/chat/completions"), "bob's answer is asked for him");
    }

    @Test
    void aFailClosedDeductionReturnsItsKeySoThatRetryingWithItChargesOnce() {
        BigDecimal before = balance("bob");
        Stubs.chaos("billing-stub", "{\"mode\":\"reset\",\"phase\":\"response\"}"); // charged, answer lost
        String key = Backend.deduct("bob", "1.00").statusCode(503).header("Idempotency-Key", notNullValue())
                .body("error", equalTo("Cannot process billing")).extract().path("idempotency_key");
        Stubs.heal("billing-stub");

        given().header("Authorization", Tokens.bearer("bob")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"amount\": 1.00}").post("/v1/api/billing/deduct")
                .then().statusCode(200).body("replayed", equalTo(true));
        assertEquals(0, before.subtract(new BigDecimal("1.00")).compareTo(balance("bob")), "charged once");
    }

    private static BigDecimal balance(String account) {
        return new BigDecimal(Stubs.get("billing-stub", "/accounts/" + account).statusCode(200)
                .extract().jsonPath().getString("balance"));
    }

    private static String submit(String user, int priority, String docId) {
        return Backend.post(user, "/v1/api/projects/" + Backend.freshProject() + "/documents", Map.of("priority", priority,
                "documents", List.of(Map.of("id", docId, "filename", docId + ".md", "content", "some words"))))
                .statusCode(202).extract().path("job_id");
    }
}
