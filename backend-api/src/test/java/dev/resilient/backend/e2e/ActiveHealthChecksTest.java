package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's health endpoint from active checks of every dependency (each stub, the job database, the
 * local Redis): with no user traffic at all (the test only reads {@code /v1/api/health}, the status and
 * readiness, none of which calls a dependency), a stopped or
 * faulted stub shows as down within one check interval, the mode turns DEGRADED with the component as
 * its reason, and both turn back once the stub answers again.
 */
@QuarkusTest
@TestProfile(ActiveHealthChecksTest.ChecksEverySecond.class)
class ActiveHealthChecksTest extends HealthySuiteTest {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    /** Room for a freshly started stub's first answers on a busy machine. */
    static final Duration TIMEOUT = Duration.ofMillis(900);
    /** One interval, plus the time a check may take, plus the polling step. */
    static final Duration WITHIN_ONE_INTERVAL = INTERVAL.plus(TIMEOUT).plusMillis(250);

    public static class ChecksEverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the cache's Redis level on (the local Redis, as SharedCacheIT uses), so Redis is checked too
            return Map.of("backend.health.interval", INTERVAL.toMillis() + "ms",
                    "backend.health.timeout", TIMEOUT.toMillis() + "ms",
                    "backend.health.max-age", "10s",
                    "backend.cache.redis.enabled", "true",
                    "quarkus.redis.hosts", "redis://127.0.0.1:6379",
                    "backend.cache.redis.key-prefix", "active-health-checks-test-" + ProcessHandle.current().pid());
        }
    }

    @Test
    void aStoppedStubTurnsHealthDegradedWithinOneIntervalWithoutTrafficAndOkOnceItIsBack() {
        awaitOk(Duration.ofSeconds(10));
        health().body("components.git.status", equalTo("up")).body("components.git.breaker", equalTo("closed"))
                .body("components.job-database.status", equalTo("up")).body("components.auth.status", equalTo("up"))
                .body("components.redis.status", equalTo("up"))
                .body("operation_mode", equalTo("NORMAL")).body("checked_every", equalTo("1000ms"));
        try {
            Stubs.get("git-stub").stop();
            long stopped = System.nanoTime();
            await().atMost(WITHIN_ONE_INTERVAL).pollInterval(Duration.ofMillis(50))
                    .untilAsserted(() -> health().body("status", equalTo("degraded")));
            long tookMs = (System.nanoTime() - stopped) / 1_000_000;
            assertTrue(tookMs <= WITHIN_ONE_INTERVAL.toMillis(), "degraded " + tookMs + " ms after the stop");

            health().body("operation_mode", equalTo("DEGRADED"))
                    .body("components.git.status", equalTo("down"))
                    .body("components.git.detail", equalTo("connection refused"))
                    .body("components.git.breaker", equalTo("closed")) // no traffic: the breaker never saw it
                    .body("components.chroma.status", equalTo("up"))
                    .body("degradation_reasons.component", hasItem("git"));
            Backend.status("alice").body("operation_mode", equalTo("DEGRADED"))
                    .body("operation_mode_reasons.component", hasItem("git"))
                    .body("operation_mode_reason", containsString("git health check failed"))
                    .body("services.git.failure_count", equalTo(0))
                    .body("features.advanced-llm-models.enabled", equalTo(false));
            given().get("/q/health/ready").then().statusCode(200)
                    .body(containsString("down (connection refused), breaker closed")).body(containsString("DEGRADED"));
        } finally {
            Stubs.get("git-stub").start();
        }
        awaitOk(Duration.ofSeconds(10)); // the restarted JVM's first answers may take a check or two
        health().body("operation_mode", equalTo("NORMAL")).body("components.git.status", equalTo("up"));
    }

    @Test
    void aStubAnsweringErrorsOrNothingFailsItsCheckAndPassesOnceHealed() {
        awaitOk(Duration.ofSeconds(10));
        Stubs.chaos("filesystem-stub", "{\"mode\":\"error\",\"status\":503}");
        Stubs.chaos("llm-stub-secondary", "{\"mode\":\"hang\"}");
        // a hang is two timed-out checks in a row (one may be a busy moment): one interval more
        await().atMost(WITHIN_ONE_INTERVAL.plus(TIMEOUT).plus(INTERVAL)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> health()
                .body("status", equalTo("degraded"))
                .body("components.filesystem.detail", equalTo("GET /health answered 503"))
                .body("components.llm-secondary.detail", equalTo("timed out")));
        health().body("operation_mode", equalTo("DEGRADED")).body("components.llm-secondary.status", equalTo("down"));

        Stubs.heal("filesystem-stub");
        Stubs.heal("llm-stub-secondary");
        awaitOk(WITHIN_ONE_INTERVAL.plus(TIMEOUT));
    }

    private static void awaitOk(Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> health().body("status", equalTo("ok")));
    }

    private static ValidatableResponse health() {
        return given().get("/v1/api/health").then().statusCode(200);
    }
}
