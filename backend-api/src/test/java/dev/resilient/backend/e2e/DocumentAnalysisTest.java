package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's complete example end to end: a document ingested, then analysed by a queued job that asks the
 * real llm-stub providers, the analysis cached under the document's version and served from there.
 */
@QuarkusTest
class DocumentAnalysisTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    @AfterEach
    void healthy() {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
        given().header("Authorization", Tokens.bearer("admin")).delete("/v1/api/admin/operation-mode").then().statusCode(200);
    }

    private static String path(String project, String doc) {
        return "/v1/api/projects/" + project + "/documents/" + doc + "/analysis";
    }

    private static ValidatableResponse analyse(String user, String project, String doc, Object body) {
        return Backend.post(user, path(project, doc), body);
    }

    private static ValidatableResponse read(String user, String project, String doc) {
        return given().header("Authorization", Tokens.bearer(user)).get(path(project, doc)).then();
    }

    /** Completions both LLM providers have answered so far. */
    private static long llmCalls() {
        return Stubs.requests("llm-stub", "/v1/chat/completions") + Stubs.requests("llm-stub-secondary", "/v1/chat/completions");
    }

    private static String ingested(String user, String project, String doc, String content) {
        Backend.awaitJob(user, Backend.submit(user, project, Map.of(doc, content))).body("state", equalTo("succeeded"));
        return doc;
    }

    private static void setMode(String mode) {
        given().header("Authorization", Tokens.bearer("admin")).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "reason", "document analysis test")).put("/v1/api/admin/operation-mode").then()
                .statusCode(200);
    }

    @Test
    void anAnalysisJobRunsEndToEndAndTheSecondRequestIsServedFromTheCacheWithoutAskingTheLlm() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "policy", "Travel policy: book trains for trips under 500 km.");
        long before = llmCalls();

        String jobId = analyse("alice", project, doc, Map.of()).statusCode(202)
                .body("status", equalTo("queued")).body("source", equalTo("queue")).body("version", equalTo(1))
                .body("job.type", equalTo("document-analysis")).body("job.queue", equalTo("analysis"))
                .body("job.priority", equalTo(0)).extract().path("job_id");
        Backend.awaitJob("alice", jobId).body("state", equalTo("succeeded")).body("type", equalTo("document-analysis"))
                .body("attempts", equalTo(1));

        read("alice", project, doc).statusCode(200).body("status", equalTo("cached")).body("source", equalTo("cache"))
                .body("document_id", equalTo(doc)).body("version", equalTo(1))
                .body("analysis.analysis", not(emptyOrNullString())).body("analysis.provider", equalTo("primary"))
                .body("analysis.model", equalTo("stub-model-advanced"));
        analyse("alice", project, doc, Map.of()).statusCode(200).body("source", equalTo("cache"))
                .body("job_id", nullValue()).body("analysis.version", equalTo(1));
        assertEquals(1, llmCalls() - before, "one LLM call: the second request came from the cache");
    }

    @Test
    void aNewVersionOfTheDocumentIsAnalysedAfresh() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "notes", "first draft");
        Backend.awaitJob("alice", analyse("alice", project, doc, Map.of()).statusCode(202).extract().path("job_id"));
        ingested("alice", project, doc, "second draft, rewritten");

        read("alice", project, doc).statusCode(404).body("error", containsString("version 2"));
        // no body at all: every field of it is optional
        String second = given().header("Authorization", Tokens.bearer("alice")).post(path(project, doc)).then().log().ifValidationFails()
                .statusCode(202).body("version", equalTo(2)).extract().path("job_id");
        Backend.awaitJob("alice", second).body("state", equalTo("succeeded"));
        read("alice", project, doc).statusCode(200).body("source", equalTo("cache")).body("analysis.version", equalTo(2));
    }

    @Test
    void aPostWithNoBodyAndNoContentTypeQueuesTheAnalysis() throws Exception {
        // what `curl -X POST` sends: no body, no Content-Type, no Content-Length
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "memo", "a memo to analyse");
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path(project, doc)))
                .header("Authorization", Tokens.bearer("alice")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals(true, answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void theSameJobIdSubmittedTwiceIsOneJobAndUnderAnotherRequestA409() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "contract", "The supplier delivers monthly.");
        long before = llmCalls();
        String jobId = "analyse-contract-" + project;

        analyse("alice", project, doc, Map.of("job_id", jobId, "priority", 3)).statusCode(202)
                .body("job_id", equalTo(jobId)).body("job.priority", equalTo(3));
        analyse("alice", project, doc, Map.of("job_id", jobId, "priority", 3)).statusCode(200)
                .body("job_id", equalTo(jobId));
        analyse("alice", project, doc, Map.of("job_id", jobId, "priority", 4)).statusCode(409)
                .contentType(ContentType.JSON).body("error", containsString(jobId));

        Backend.awaitJob("alice", jobId).body("state", equalTo("succeeded")).body("job_id", equalTo(jobId));
        analyse("alice", project, doc, Map.of("job_id", jobId, "priority", 3)).statusCode(200)
                .body("job_id", equalTo(jobId)).body("status", equalTo("succeeded"));
        assertEquals(1, llmCalls() - before, "one job, one LLM call");
        Backend.job("bob", jobId).statusCode(404);
    }

    @Test
    void aBadPriorityOrJobIdOrDocumentIdIsA400JsonError() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "short", "short text");
        for (String body : new String[] {"{\"priority\":11}", "{\"priority\":-11}", "{\"priority\":\"high\"}",
            "{\"priority\":1e10}", "{\"job_id\":\"\"}", "{\"job_id\":\"../etc\"}", "{\"job_id\":\"a b\"}",
            "{\"job_id\":\"" + "x".repeat(65) + "\"}", "{\"job_id\":{}}", "[]", "{\"priority\":", ""}) {
            given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.JSON).body(body)
                    .post(path(project, doc)).then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.TEXT).body("{\"priority\":99}")
                .post(path(project, doc)).then().statusCode(415).contentType(ContentType.JSON).body("error", notNullValue());
        analyse("alice", project, "bad%20doc", Map.of()).statusCode(400).contentType(ContentType.JSON);
        analyse("alice", "bad__project", doc, Map.of()).statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void anUnknownDocumentIsA404AndAnotherUsersDocumentIsUnknownToo() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "private", "alice's own words");
        analyse("alice", project, "never-ingested", Map.of()).statusCode(404).contentType(ContentType.JSON)
                .body("error", containsString("never-ingested"));
        read("alice", project, "never-ingested").statusCode(404).contentType(ContentType.JSON);
        analyse("bob", project, doc, Map.of()).statusCode(404).contentType(ContentType.JSON);
        read("alice", project, doc).statusCode(404).body("error", containsString("no analysis"));
        given().post(path(project, doc)).then().statusCode(401);
    }

    @Test
    void analysisIsRefusedWith503WhileItsFeatureIsOffAndUsesTheLighterModelInDegradedMode() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "plan", "The migration plan has three phases.");

        setMode("MAINTENANCE");
        analyse("alice", project, doc, Map.of()).statusCode(503).contentType(ContentType.JSON)
                .body("error", containsString("Document analysis is currently unavailable"))
                .body("error", containsString("MAINTENANCE"));

        setMode("DEGRADED"); // analysis on, advanced models off
        String jobId = analyse("alice", project, doc, Map.of()).statusCode(202).extract().path("job_id");
        Backend.awaitJob("alice", jobId).body("state", equalTo("succeeded"));
        read("alice", project, doc).statusCode(200).body("analysis.model", equalTo("stub-model"));
    }

    @Test
    void aJobWhoseLlmCallsAllFailIsRetriedWithBackoffAndSucceedsOnceAProviderAnswers() {
        String project = Backend.freshProject();
        String doc = ingested("alice", project, "outage", "Written while both LLM providers were down.");
        Stubs.chaos("llm-stub", "{\"mode\":\"error\"}");
        Stubs.chaos("llm-stub-secondary", "{\"mode\":\"error\"}");

        String jobId = analyse("alice", project, doc, Map.of()).statusCode(202).extract().path("job_id");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> "retrying".equals(Backend.job("alice", jobId).extract().path("state")));
        Backend.job("alice", jobId).body("last_error", containsString("no LLM answered")).body("next_attempt_at", notNullValue());
        Stubs.heal("llm-stub");
        Stubs.heal("llm-stub-secondary");
        breakers.resetAll();

        Backend.awaitJob("alice", jobId).body("state", equalTo("succeeded"))
                .body("attempts", org.hamcrest.Matchers.greaterThan(1)).body("last_error", nullValue());
        read("alice", project, doc).statusCode(200).body("source", equalTo("cache"));
    }
}
