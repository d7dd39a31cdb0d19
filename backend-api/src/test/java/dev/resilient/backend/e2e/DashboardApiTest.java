package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's data, login and admin chaos API, and the metrics behind the Grafana dashboard. */
@QuarkusTest
class DashboardApiTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void healthy() {
        Stubs.heal("chroma-stub");
        Stubs.heal("llm-stub");
        breakers.resetAll();
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    @Test
    void servesThePageAndItsStateWithoutTokenButNoErrorTexts() {
        given().get("/dashboard").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Resilience dashboard"));
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Resilience dashboard"));
        given().get("/dashboard/dashboard.js").then().statusCode(200);
        given().get("/v1/api/dashboard/state").then().statusCode(200)
                .body("services.chroma.state", equalTo("closed"))
                .body("services.chroma.service", equalTo("Chroma Server"))
                .body("services.chroma.failure_count", notNullValue())
                .body("services.chroma.last_error", nullValue())
                .body("services.chroma.concurrency.limit", notNullValue())
                .body("services.chroma.concurrency.in_flight", notNullValue())
                .body("services.keySet()", hasItems("chroma", "filesystem", "billing", "git", "llm-primary", "llm-secondary"))
                .body("operation_mode", notNullValue()).body("operation_mode_reason", notNullValue())
                .body("transitions", notNullValue())
                .body("chaos_services", hasItems("auth", "chroma", "llm-primary", "llm-secondary"));
    }

    @Test
    void loginRelaysAuthStubsTokenAndRefusesWrongPasswordsAndBadBodies() {
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Stubs.password("admin")))
                .post("/v1/api/dashboard/login").then().statusCode(200).header("Cache-Control", "no-store")
                .body("access_token", notNullValue()).body("token_type", equalTo("Bearer"));
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "wrong"))
                .post("/v1/api/dashboard/login").then().statusCode(401).body("error", equalTo("invalid credentials"));
        for (String body : List.of("{}", "{\"username\":\"admin\"}", "[]", "{\"username\":", "")) {
            given().contentType(ContentType.JSON).body(body).post("/v1/api/dashboard/login").then()
                    .log().ifValidationFails().statusCode(400).body("error", notNullValue());
        }
    }

    @Test
    void chaosApiNeedsAnAdminToken() {
        given().contentType(ContentType.JSON).body("{\"mode\":\"error\"}").put("/v1/api/admin/chaos/chroma").then()
                .statusCode(401).body("error", notNullValue());
        as("alice").body("{\"mode\":\"error\"}").put("/v1/api/admin/chaos/chroma").then()
                .statusCode(403).body("error", notNullValue());
        as("alice").delete("/v1/api/admin/chaos/chroma").then().statusCode(403);
        Stubs.get("chroma-stub", "/_chaos").body("fault.mode", equalTo("ok"));
    }

    @Test
    void adminBreaksAndHealsAStubThroughTheBackend() {
        as("admin").body("{\"mode\":\"error\",\"status\":503}").put("/v1/api/admin/chaos/chroma").then()
                .statusCode(200).body("fault.mode", equalTo("error")).body("fault.status", equalTo(503));
        Stubs.get("chroma-stub", "/_chaos").body("fault.mode", equalTo("error"));
        as("admin").get("/v1/api/admin/chaos/chroma").then().statusCode(200).body("fault.mode", equalTo("error"));
        as("admin").delete("/v1/api/admin/chaos/chroma").then().statusCode(200).body("fault.mode", equalTo("ok"));
        Stubs.get("chroma-stub", "/_chaos").body("fault.mode", equalTo("ok"));
        // an LLM provider's URL ends in /v1; its chaos API is at the stub's root
        as("admin").body("{\"mode\":\"hang\"}").put("/v1/api/admin/chaos/llm-primary").then()
                .statusCode(200).body("fault.mode", equalTo("hang"));
        Stubs.get("llm-stub", "/_chaos").body("fault.mode", equalTo("hang"));
    }

    @Test
    void rejectsUnknownServicesAndInvalidFaultsWithJsonErrors() {
        as("admin").body("{\"mode\":\"error\"}").put("/v1/api/admin/chaos/nosuch").then()
                .statusCode(404).body("error", containsString("unknown service"));
        as("admin").body("{\"mode\":\"explode\"}").put("/v1/api/admin/chaos/chroma").then()
                .statusCode(400).body("error", containsString("unknown mode"));
        as("admin").body("{\"mode\":\"flaky\",\"probability\":7}").put("/v1/api/admin/chaos/chroma").then()
                .statusCode(400).body("error", containsString("probability"));
        for (String body : List.of("{}", "[]", "{\"mode\":", "{\"mode\":3}")) {
            as("admin").body(body).put("/v1/api/admin/chaos/chroma").then().log().ifValidationFails()
                    .statusCode(400).body("error", notNullValue());
        }
        Stubs.get("chroma-stub", "/_chaos").body("fault.mode", equalTo("ok"));
    }

    @Test
    void metricsShowFaultToleranceAndPerDownstreamCallOutcomesWithoutBreakingRateLimitedCalls() {
        String project = Backend.freshProject();
        Backend.search("alice", project, "anything");
        // the LLM's @RateLimit metrics once broke every chat call (FaultToleranceMeterFilter)
        Backend.chat("alice", project, "metrics?").statusCode(200).body("llm_provider", equalTo("primary"));
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        Backend.search("alice", project, "anything else");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertHasLine(metrics, "ft_invocations_total{", "ChromaGuard");
        assertHasLine(metrics, "ft_retry_retries_total{", "ChromaGuard");
        assertHasLine(metrics, "ft_circuitbreaker_state_current{", "ChromaGuard");
        assertHasLine(metrics, "ft_invocations_total{", "VectorSearch", "fallback=\"applied\"");
        assertHasLine(metrics, "ft_ratelimit_calls_total{", "LlmService", "rateLimitResult=\"permitted\"");
        assertHasLine(metrics, "downstream_calls_seconds_count{", "downstream=\"chroma\"", "outcome=\"client_error\"",
                "operation=\"POST /query\"");
        assertHasLine(metrics, "downstream_calls_seconds_count{", "downstream=\"chroma\"", "outcome=\"failure\"");
        assertHasLine(metrics, "downstream_calls_seconds_bucket{", "downstream=\"chroma\"", "le=\"0.1\"");
    }

    @Test
    void aCallersTraceIdReachesTheStubsLogLinesThroughTheBackend() throws IOException {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        as("admin").header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body("{\"mode\":\"error\"}").put("/v1/api/admin/chaos/chroma").then().statusCode(200);
        Path log = Path.of("target", "stub-logs", "chroma-stub-" + Stubs.get("chroma-stub").port() + ".log");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log).lines()
                .anyMatch(l -> l.contains("[" + traceId + "]") && l.contains("Injected fault")));
    }

    private static void assertHasLine(String metrics, String prefix, String... parts) {
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith(prefix) && List.of(parts).stream().allMatch(l::contains)),
                () -> "no line " + prefix + " with " + List.of(parts) + " in /q/metrics:\n" + metrics.lines()
                        .filter(l -> l.startsWith(prefix.substring(0, prefix.indexOf('_') + 1)))
                        .reduce("", (a, b) -> a + b + "\n"));
    }
}
