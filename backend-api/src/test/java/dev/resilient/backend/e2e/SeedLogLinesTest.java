package dev.resilient.backend.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.CapturedLog;
import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seeds' log lines (seed 001 "Monitoring", seed 002 "Log output"), read from a real run against
 * chroma-stub answering 500: in their words, each event once, at the moment it happens. The test
 * profile's waits apply (100 ms backoff doubling, breaker open for 2 s).
 */
@QuarkusTest
class SeedLogLinesTest {

    private static final String TAG = "[Chroma Server] ";

    @Inject
    CircuitBreakerMaintenance breakers;

    private CapturedLog log;
    private String project;

    @BeforeEach
    void healthyChromaAndAProject() {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
        project = Backend.freshProject();
        String job = Backend.submit("alice", project, Map.of("kiwi", "Kiwi birds cannot fly."));
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded"));
        log = CapturedLog.of("dev.resilient.backend.downstream");
    }

    @AfterEach
    void detach() {
        log.close();
        Stubs.heal("chroma-stub");
        breakers.resetAll();
    }

    @Test
    void eachRetryIsAnnouncedOnceBeforeItsWaitWithTheDelayUsed() {
        // earlier tests in this JVM may have spent chroma's retry budget (10 s window): let it refill
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() ->
                Backend.status("alice").extract().jsonPath().getDouble("services.chroma.retry_budget.available") >= 2);
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":500}");
        Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));

        List<CapturedLog.Line> first = log.containing(TAG + "\u26a0 POST /query failed on attempt 1/3 (HTTP 500");
        List<CapturedLog.Line> second = log.containing(TAG + "\u26a0 POST /query failed on attempt 2/3 (HTTP 500");
        assertEquals(1, first.size(), dump());
        assertEquals(1, second.size(), dump());
        assertTrue(first.get(0).message().endsWith("retrying in 0.1s..."), first.get(0).message());
        assertTrue(second.get(0).message().endsWith("retrying in 0.2s..."), second.get(0).message());
        assertEquals(1, log.containing(TAG + "\u2717 All 3 retry attempts failed (POST /query: HTTP 500").size(), dump());
        // written before the wait: the next attempt starts at least the announced 100 ms later
        CapturedLog.Line attempt2 = log.containing(TAG + "POST /query (attempt 2/3)").get(0);
        long waited = Duration.between(first.get(0).at(), attempt2.at()).toMillis();
        assertTrue(waited >= 90, "the retry line came " + waited + " ms before attempt 2: " + dump());
        // no other line repeats the same failure
        assertEquals(3, log.lines().stream().filter(l -> l.message().contains("failed") && l.level().intValue() >= Level.WARNING.intValue())
                .count(), dump());
    }

    @Test
    void breakerOpensRejectsAtMostOneLineAndRecovers() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"status\":500}");
        for (int i = 0; i < 6; i++) {
            Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("fulltext"));
        }
        assertEquals(1, log.containing(TAG + "\u2717 Circuit breaker OPEN (threshold reached)").size(), dump());
        assertEquals(1, log.containing(TAG + "\u2717 POST /query failed on attempt 2/3 (HTTP 500").stream()
                .filter(l -> l.message().endsWith("not retried: circuit breaker open")).count(), dump());
        // the 2nd search's 2nd attempt opened the breaker: not retried (the retry would only be rejected);
        // searches 3 to 6 met the open breaker: one line
        assertEquals(1, log.containing(TAG + "Circuit breaker OPEN - rejecting request").size(), dump());
        assertEquals(Level.SEVERE, log.containing("Circuit breaker OPEN (threshold reached)").get(0).level());

        Stubs.heal("chroma-stub");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Backend.search("alice", project, "kiwi").statusCode(200).body("source", equalTo("vector")));
        List<String> recovery = log.lines().stream().map(CapturedLog.Line::message)
                .filter(m -> m.contains("HALF_OPEN") || m.contains("CLOSED") || m.contains("\u2713 POST /query succeeded"))
                .toList();
        assertEquals(List.of(TAG + "\uD83D\uDD04 Circuit breaker HALF_OPEN (testing recovery)",
                TAG + "\u2713 POST /query succeeded",
                TAG + "\uD83D\uDD04 Circuit breaker CLOSED (service recovered)"), recovery.subList(0, 3), dump());
    }

    private String dump() {
        return log.lines().stream().map(CapturedLog.Line::toString).collect(Collectors.joining("\n", "\n", ""));
    }
}
