package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Chroma's adaptive concurrency limit against the real stub: slowed through its chaos API, its limit
 * falls (in the status, on the dashboard and in the metrics), and a search over the limit is answered
 * from full-text search without reaching chroma. The profile halves the limit on each slow call and
 * calls chroma slow past 300 ms, so three searches take the limit from 10 to 1.
 */
@QuarkusTest
@TestProfile(AdaptiveConcurrencyTest.HalvedOnEachSlowCall.class)
class AdaptiveConcurrencyTest extends HealthySuiteTest {

    public static class HalvedOnEachSlowCall implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.concurrency-limits.backoff-ratio", "0.5",
                    "backend.concurrency-limits.slow-calls.chroma", "300ms");
        }
    }

    /** A project chroma knows, with the limits reset after its ingestion: on a busy machine it can take 300 ms. */
    private String projectWithADocument() {
        String project = Backend.freshProject();
        Backend.awaitJob("alice", Backend.submit("alice", project,
                Map.of("kiwi", "Kiwi birds cannot fly and live in New Zealand forests."))).body("state", equalTo("succeeded"));
        limits.resetAll();
        return project;
    }

    private static final String CHROMA = "services.chroma.concurrency";

    private static ValidatableResponse chromaConcurrency() {
        return Backend.status("alice").statusCode(200).rootPath(CHROMA);
    }

    private static int chromaConcurrency(String field) {
        return Backend.status("alice").statusCode(200).extract().path(CHROMA + "." + field);
    }

    /** Three searches answered by a chroma slower than its slow-call time: 10, 5, 2, then 1. */
    private static void slowChromaDownToOne(String project) {
        Stubs.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":500,\"path\":\"/query\"}");
        for (int i = 0; i < 3; i++) {
            Backend.search("alice", project, "kiwi").statusCode(200);
        }
    }

    @Test
    void aSlowChromaLowersItsLimitInTheStatusTheDashboardAndTheMetrics() {
        String project = projectWithADocument();
        chromaConcurrency().body("enabled", equalTo(true)).body("algorithm", equalTo("aimd"))
                .body("limit", equalTo(10)).body("max_limit", equalTo(10)).body("slow_call_ms", equalTo(300));

        slowChromaDownToOne(project);

        chromaConcurrency().body("limit", equalTo(1)).body("in_flight", equalTo(0));
        Backend.status("alice").body("services.filesystem.concurrency.limit", equalTo(10));
        given().get("/v1/api/dashboard/state").then().statusCode(200)
                .body("services.chroma.concurrency.limit", equalTo(1));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("downstream_concurrency_limit{")
                && l.contains("downstream=\"chroma\"") && l.endsWith(" 1.0")), "chroma's limit of 1 in /q/metrics");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("downstream_concurrency_inflight{")
                && l.contains("downstream=\"chroma\"")), "chroma's calls in flight in /q/metrics");
    }

    @Test
    void aSearchOverChromasLimitIsAnsweredFromFullTextWithoutReachingChroma() {
        String project = projectWithADocument();
        slowChromaDownToOne(project);
        int rejectedBefore = chromaConcurrency("rejected");
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\",\"path\":\"/query\"}");
        long queriesBefore = Stubs.requests("chroma-stub", "/query");

        // the one permit: a search waiting on the hanging chroma until its vector search budget ends
        CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(
                () -> Backend.search("alice", project, "kiwi").extract().statusCode());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> chromaConcurrency("in_flight") == 1);

        Backend.search("alice", project, "kiwi").statusCode(200)
                .body("source", equalTo("fulltext")).body("degraded", equalTo(true));

        assertEquals(rejectedBefore + 1, chromaConcurrency("rejected"));
        assertEquals(200, holder.join());
        assertEquals(1, Stubs.requests("chroma-stub", "/query") - queriesBefore,
                "only the search holding the permit reached chroma");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("downstream_concurrency_rejections_total{")
                && l.contains("downstream=\"chroma\"") && !l.endsWith(" 0.0")), "chroma's rejections in /q/metrics");
    }
}
