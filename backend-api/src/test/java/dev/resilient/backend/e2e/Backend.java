package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;

import dev.resilient.backend.service.ChatHistory;
import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Calls to the backend under test, as a user with a real token. */
final class Backend {

    private static final AtomicInteger PROJECTS = new AtomicInteger();

    private Backend() {
    }

    /** A project id no other test uses. */
    static String freshProject() {
        return "p" + System.currentTimeMillis() % 100000 + "-" + PROJECTS.incrementAndGet();
    }

    static ValidatableResponse post(String user, String path, Object body) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON).body(body)
                .post(path).then();
    }

    static ValidatableResponse search(String user, String project, String query) {
        return post(user, "/v1/api/search", Map.of("query", query, "project_id", project));
    }

    static ValidatableResponse chat(String user, String project, String message) {
        return post(user, "/v1/api/chat", Map.of("message", message, "project_id", project));
    }

    static ValidatableResponse ingest(String user, String project, Map<String, String> idToContent) {
        List<Map<String, String>> docs = idToContent.entrySet().stream()
                .map(e -> Map.of("id", e.getKey(), "filename", e.getKey() + ".md", "content", e.getValue()))
                .toList();
        return post(user, "/v1/api/projects/" + project + "/documents", Map.of("documents", docs));
    }

    /** Submits documents and returns the job id (202 expected). */
    static String submit(String user, String project, Map<String, String> idToContent) {
        return ingest(user, project, idToContent).statusCode(202).extract().path("job_id");
    }

    static ValidatableResponse job(String user, String jobId) {
        return given().header("Authorization", Tokens.bearer(user)).get("/v1/api/jobs/" + jobId).then();
    }

    /** Waits until the job has finished (succeeded or failed) and returns its final view. */
    static ValidatableResponse awaitJob(String user, String jobId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> List.of("succeeded", "failed").contains(job(user, jobId).extract().<String>path("state")));
        return job(user, jobId).statusCode(200);
    }

    static ValidatableResponse deduct(String user, String amount) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON)
                .body("{\"amount\": " + amount + "}").post("/v1/api/billing/deduct").then();
    }

    static ValidatableResponse status(String user) {
        return given().header("Authorization", Tokens.bearer(user)).get("/v1/api/status/services").then();
    }

    /**
     * Every downstream started and healthy, every breaker closed, and no chat exchange an earlier
     * test's filesystem outage left in memory still waiting (they are written first).
     */
    static void healthyWithNoHistoryWaiting(CircuitBreakerMaintenance breakers, ChatHistory history) {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> history.pending() == 0);
    }
}
