package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 004: two LLM providers, operation modes derived from breakers or set by an admin, feature flags. */
@QuarkusTest
class ProvidersAndModesTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void healthy() {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
        given().header("Authorization", Tokens.bearer("admin")).delete("/v1/api/admin/operation-mode").then().statusCode(200);
    }

    @Test
    void secondaryProviderAnswersWhenThePrimaryIsDown() {
        Stubs.chaos("llm-stub", "{\"mode\":\"error\"}");
        Backend.chat("alice", Backend.freshProject(), "Which provider answers while the primary is down?").statusCode(200)
                .body("llm_provider", equalTo("secondary"))
                .body("response", startsWith("[secondary]"))
                .body("degraded", org.hamcrest.Matchers.not(hasItem("llm")));
    }

    @Test
    void bothProvidersDownGiveADegradedAnswerListingThePassages() {
        String project = Backend.freshProject();
        Backend.awaitJob("alice", Backend.submit("alice", project, Map.of("otter", "Sea otters hold hands while sleeping.")))
                .body("state", equalTo("succeeded"));
        Stubs.chaos("llm-stub", "{\"mode\":\"error\"}");
        Stubs.chaos("llm-stub-secondary", "{\"mode\":\"hang\"}");
        Backend.chat("alice", project, "Do sea otters hold hands?").statusCode(200)
                .body("llm_provider", equalTo("none"))
                .body("response", containsString("temporarily unavailable"))
                .body("response", containsString("Sea otters hold hands while sleeping."))
                .body("degraded", hasItem("llm"));
    }

    @Test
    void modeFollowsTheBreakersOpeningAndClosing() {
        Backend.status("alice").body("operation_mode", equalTo("NORMAL"));
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\"}");
        String project = Backend.freshProject();
        Backend.search("alice", project, "anything");
        Backend.search("alice", project, "anything");
        Backend.status("alice").body("services.chroma.state", equalTo("open"))
                .body("operation_mode", equalTo("DEGRADED"))
                .body("operation_mode_reason", containsString("chroma"))
                .body("operation_mode_reasons.component", hasItem("chroma"))
                .body("features.advanced-llm-models.enabled", equalTo(false))
                .body("features.advanced-llm-models.modes.NORMAL", equalTo(true))
                .body("features.advanced-llm-models.description", containsString("advanced model"))
                .body("features.document-analysis.enabled", equalTo(true));
        given().get("/q/health/ready").then().statusCode(200).body(containsString("DEGRADED"));
        Stubs.heal("chroma-stub");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Backend.search("alice", project, "anything").statusCode(200);
                    Backend.status("alice").body("operation_mode", equalTo("NORMAL"));
                });
    }

    @Test
    void maintenanceTurnsDocumentIngestionOffAndBackOn() {
        String project = Backend.freshProject();
        setMode("admin", "MAINTENANCE", "upgrading the vector store").statusCode(200)
                .body("mode", equalTo("MAINTENANCE")).body("features.document-analysis.enabled", equalTo(false))
                .body("reasons[0].component", equalTo("operator"))
                .body("reasons[0].description", equalTo("upgrading the vector store (set by admin)"))
                .body("reasons[0].severity", equalTo(2));
        Backend.ingest("alice", project, Map.of("d", "text")).statusCode(503)
                .body("error", containsString("MAINTENANCE"));
        Backend.status("alice").body("operation_mode", equalTo("MAINTENANCE"))
                .body("operation_mode_source", equalTo("override"));
        given().header("Authorization", Tokens.bearer("admin")).delete("/v1/api/admin/operation-mode").then()
                .statusCode(200).body("mode", equalTo("NORMAL"));
        Backend.ingest("alice", project, Map.of("d", "text")).statusCode(202);
    }

    @Test
    void onlyAnAdminCanSetTheMode() {
        setMode("alice", "MAINTENANCE", "not allowed").statusCode(403).body("error", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "MAINTENANCE", "reason", "x"))
                .put("/v1/api/admin/operation-mode").then().statusCode(401);
        setMode("admin", "SLEEPY", "bad mode").statusCode(400);
        Backend.status("alice").body("operation_mode", equalTo("NORMAL"));
    }

    @Test
    void advancedModelIsUsedOnlyWhileItsFeatureIsOn() {
        String project = Backend.freshProject();
        Backend.chat("alice", project, "Which model answers in normal mode?").statusCode(200)
                .body("model", equalTo("stub-model-advanced"));
        setMode("admin", "DEGRADED", "testing the lighter model").statusCode(200);
        Backend.chat("alice", project, "Which model answers in degraded mode?").statusCode(200)
                .body("model", equalTo("stub-model"));
    }

    private static io.restassured.response.ValidatableResponse setMode(String user, String mode, String reason) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON)
                .body(Map.of("mode", mode, "reason", reason)).put("/v1/api/admin/operation-mode").then();
    }
}
