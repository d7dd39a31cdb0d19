package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.TestSigningKey;
import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Authentication, per-user isolation and bad input on the backend's endpoints. */
@QuarkusTest
class AccessAndInputTest {

    static final List<String> POST_ENDPOINTS = List.of("/v1/api/chat", "/v1/api/search",
            "/v1/api/projects/p1/documents", "/v1/api/billing/deduct");

    @Test
    void rejectsRequestsWithoutTokenWith401JsonError() {
        for (String path : POST_ENDPOINTS) {
            given().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(401)
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().get("/v1/api/jobs/any").then().statusCode(401).contentType(ContentType.JSON).body("error", notNullValue());
    }

    @Test
    void statusAnswersMonitoringToolsWithoutAToken() {
        for (String path : List.of("/v1/api/status/services", "/admin/service-status")) {
            given().get(path).then().statusCode(200).contentType(ContentType.JSON)
                    .body("services.chroma.state", notNullValue());
        }
    }

    @Test
    void rejectsForgedAndAlgNoneTokensWith401() {
        String[] parts = Tokens.of("alice").split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"alice\"", "\"bob\"").getBytes());
        String forged = parts[0] + "." + forgedPayload + "." + parts[2];
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        for (String token : List.of(forged, none, "not-a-jwt")) {
            given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/any").then()
                    .statusCode(401).body("error", notNullValue());
        }
    }

    @Test
    void rejectsAnExpiredTokenSignedWithTheRealKeyWith401ButAcceptsTheSameTokenUnexpired() {
        String[] parts = Tokens.of("alice").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        long now = System.currentTimeMillis() / 1000;
        String expired = TestSigningKey.sign(parts[0], payload.replaceAll("\"exp\":\\d+", "\"exp\":" + (now - 3600))
                .replaceAll("\"iat\":\\d+", "\"iat\":" + (now - 7200)));
        String fresh = TestSigningKey.sign(parts[0], payload.replaceAll("\"exp\":\\d+", "\"exp\":" + (now + 600)));
        // the same key and claims verify while unexpired (no such job: 404): the 401 below is for the expiry alone
        given().header("Authorization", "Bearer " + fresh).get("/v1/api/jobs/any").then().statusCode(404);
        for (String path : List.of("/v1/api/jobs/any", "/v1/api/jobs/other")) {
            given().header("Authorization", "Bearer " + expired).get(path).then().statusCode(401)
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        given().header("Authorization", "Bearer " + expired).contentType(ContentType.JSON).body("{\"amount\":1}")
                .post("/v1/api/billing/deduct").then().statusCode(401).contentType(ContentType.JSON);
    }

    @Test
    void keepsVerifyingTokensWhileAuthStubIsDown() {
        String token = Tokens.of("alice");
        String unseen = Tokens.fresh("bob"); // never verified: the cached keys, not the verified-token cache, verify it
        given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/any").then().statusCode(404); // keys fetched and cached
        Stubs.get("auth-stub").stop();
        try {
            given().header("Authorization", "Bearer " + unseen).get("/v1/api/jobs/any").then().statusCode(404);
        } finally {
            Stubs.get("auth-stub").start(); // the same configured key pair (TestSigningKey); fresh tokens all the same
            Tokens.forget();
        }
    }

    @Test
    void statusShowsEveryDownstreamInTheSeedShape() {
        Backend.status("alice").statusCode(200)
                .body("services.keySet()", org.hamcrest.Matchers.hasItems("chroma", "filesystem", "billing", "git", "llm-primary", "llm-secondary"))
                .body("services.chroma.service", equalTo("Chroma Server"))
                .body("services.chroma.state", notNullValue())
                .body("services.chroma.last_state_change", notNullValue())
                .body("operation_mode", notNullValue())
                .body("timestamp", notNullValue());
        given().header("Authorization", Tokens.bearer("alice")).get("/admin/service-status").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void oneUserNeverSeesAnotherUsersDocuments() {
        String project = Backend.freshProject();
        String job = Backend.submit("alice", project, Map.of("secret", "alice private zebra notes"));
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded"));
        Backend.job("bob", job).statusCode(404).body("error", notNullValue());
        Backend.job("alice", "no-such-job").statusCode(404);
        Backend.search("bob", project, "zebra").statusCode(200).body("results.size()", equalTo(0));
        Backend.search("alice", project, "zebra").statusCode(200).body("results[0].id", equalTo("secret"));
    }

    @Test
    void rejectsBadInputWith400JsonError() {
        List<Map.Entry<String, String>> cases = List.of(
                Map.entry("/v1/api/chat", "{\"message\":\"\"}"),
                Map.entry("/v1/api/chat", "{\"message\":"),
                Map.entry("/v1/api/chat", "[]"),
                Map.entry("/v1/api/chat", "{\"message\":\"hi\",\"project_id\":\"../etc\"}"),
                Map.entry("/v1/api/search", "{\"query\":\"x\",\"n_results\":0}"),
                Map.entry("/v1/api/search", "{\"query\":\"x\",\"n_results\":\"many\"}"),
                Map.entry("/v1/api/search", "{}"),
                Map.entry("/v1/api/billing/deduct", "{\"amount\":-1}"),
                Map.entry("/v1/api/billing/deduct", "{\"amount\":0}"),
                Map.entry("/v1/api/billing/deduct", "{\"amount\":\"NaN\"}"),
                Map.entry("/v1/api/billing/deduct", "{\"amount\":1.001}"),
                Map.entry("/v1/api/billing/deduct", "{\"amount\":1e400}"),
                Map.entry("/v1/api/projects/p1/documents", "{\"documents\":[]}"),
                Map.entry("/v1/api/projects/p1/documents",
                        "{\"documents\":[{\"id\":\"a\",\"filename\":\"a.md\",\"content\":\"c\"}],\"priority\":99}"),
                Map.entry("/v1/api/projects/p1/documents",
                        "{\"documents\":[{\"id\":\"a\",\"filename\":\"../../x\",\"content\":\"c\"}]}"),
                Map.entry("/v1/api/projects/bad__id/documents",
                        "{\"documents\":[{\"id\":\"a\",\"filename\":\"a.md\",\"content\":\"c\"}]}"));
        for (Map.Entry<String, String> c : cases) {
            given().header("Authorization", Tokens.bearer("alice")).contentType(ContentType.JSON).body(c.getValue())
                    .post(c.getKey()).then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
    }
}
