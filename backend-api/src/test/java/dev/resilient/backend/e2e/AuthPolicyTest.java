package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The backend's calls to auth-stub (the dashboard's login) under seed 001's fast-operations preset: 2 attempts, 5 s. */
@QuarkusTest
class AuthPolicyTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void healthy() {
        Stubs.heal("auth-stub");
        breakers.resetAll();
    }

    private static io.restassured.response.ValidatableResponse login(String user, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", user, "password", password))
                .post("/v1/api/dashboard/login").then();
    }

    @Test
    void statusShowsTheFastOperationsPreset() {
        Backend.status("alice").statusCode(200)
                .body("services.auth.policy.attempts", equalTo(2))
                .body("services.auth.policy.breaker_threshold", equalTo(5))
                .body("services.auth.state", equalTo("closed"));
    }

    @Test
    void aFailingLoginIsTriedTwiceThenAnswers503() {
        Stubs.chaos("auth-stub", "{\"mode\":\"error\",\"path\":\"/token\"}");
        long before = Stubs.requests("auth-stub", "/token");

        login("alice", Stubs.password("alice")).statusCode(503).body("error", equalTo("authentication service unavailable"));

        assertEquals(2, Stubs.requests("auth-stub", "/token") - before);
        Stubs.heal("auth-stub"); // the test's own tokens come from auth-stub's /token too
        Backend.status("alice").body("services.auth.failure_count", equalTo(2));
    }

    @Test
    void wrongCredentialsAre401AtTheFirstAttempt() {
        long before = Stubs.requests("auth-stub", "/token");
        login("alice", "not-the-password").statusCode(401).body("error", equalTo("invalid credentials"));
        assertEquals(1, Stubs.requests("auth-stub", "/token") - before, "a 4xx is not retried");
        login("alice", Stubs.password("alice")).statusCode(200);
    }
}
