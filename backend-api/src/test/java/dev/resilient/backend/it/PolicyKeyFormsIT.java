package dev.resilient.backend.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented way to change a guard's policy (README "Resilience policy"), each set on a real
 * backend process: what SmallRye applies (attempts that reach chroma-stub), what the status shows
 * and what the log says agree. One form that looks plausible but SmallRye ignores for a
 * method-level annotation (a class-level MicroProfile key) changes none of the three; with fault
 * tolerance switched off (as bench/run's second backend runs) there is one attempt and the backend is
 * healthy. The status of a backend left at its defaults shows each LLM provider's own policy.
 */
class PolicyKeyFormsIT {

    private static final String GUARD = "dev.resilient.backend.resilience.ChromaGuard";
    private static LocalSuite suite;
    private static String token;

    @BeforeAll
    static void startStubs() {
        suite = new LocalSuite();
        token = suite.token("alice");
    }

    @AfterAll
    static void stopStubs() {
        suite.close();
    }

    static Stream<Arguments> keyForms() {
        return Stream.of(
                Arguments.of("MicroProfile method key", Map.of(GUARD + "/call/Retry/maxRetries", "3"), Map.of(), 4),
                Arguments.of("quarkus.fault-tolerance key",
                        Map.of("quarkus.fault-tolerance.\"" + GUARD + "/call\".retry.max-retries", "3"), Map.of(), 4),
                Arguments.of("smallrye.faulttolerance key",
                        Map.of("smallrye.faulttolerance.\"" + GUARD + "/call\".retry.max-retries", "3"), Map.of(), 4),
                Arguments.of("environment variable", Map.of(),
                        Map.of("QUARKUS_FAULT_TOLERANCE__DEV_RESILIENT_BACKEND_RESILIENCE_CHROMAGUARD_CALL__RETRY_MAX_RETRIES", "3"), 4),
                Arguments.of("global key", Map.of("quarkus.fault-tolerance.global.retry.max-retries", "3"), Map.of(), 4),
                Arguments.of("class-level key (ignored for a method annotation)", Map.of(GUARD + "/Retry/maxRetries", "5"),
                        Map.of(), 3),
                // bench/run's second backend: every strategy but fallbacks off, so one attempt and no breaker
                Arguments.of("fault tolerance off", Map.of(), Map.of("MP_Fault_Tolerance_NonFallback_Enabled", "false"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyForms")
    void behaviourStatusAndLogAgreeOnTheAttempts(String form, Map<String, String> properties, Map<String, String> env,
            int attempts) {
        Map<String, String> props = new HashMap<>(properties);
        props.put("Retry/delay", "10"); // every attempt fits in the search's time budget
        props.put("quarkus.datasource.jdbc.url", LocalSuite.freshH2());
        ServiceProcess backend = suite.backend("quarkus-app", props).withEnvironment(env);
        backend.start();
        try {
            String project = "policy" + System.nanoTime();
            LocalSuite.awaitAll(backend, token, java.util.List.of(LocalSuite.submit(backend, token, project, 1)),
                    java.time.Duration.ofSeconds(30));
            LocalSuite.status(backend, token).statusCode(200).body("services.chroma.policy.attempts",
                    org.hamcrest.Matchers.equalTo(attempts));

            suite.chaos("chroma-stub", "{\"mode\":\"error\",\"path\":\"/query\"}");
            long before = queries();
            LocalSuite.search(backend, token, project, "document").statusCode(200);
            assertEquals(attempts, queries() - before, form + ": attempts that reached chroma");
            String log = LocalSuite.log("backend-api", backend);
            assertTrue(log.contains("[Chroma Server] \u2717 All " + attempts + " retry attempts failed (POST /query"),
                    form + ": the log names " + attempts + " attempts");
        } finally {
            suite.heal("chroma-stub");
            backend.stop();
        }
    }

    /**
     * The packaged backend's own defaults (no test profile): each LLM provider's policy as seed 004's
     * complete example gives it, seed 000's per-call timeouts, seed 001's fast-operations preset for
     * auth; and one provider's values overridden by configuration, leaving the other's alone.
     */
    @Test
    void statusShowsEachProvidersOwnDefaultsAndOneProviderOverriddenAlone() {
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.datasource.jdbc.url", LocalSuite.freshH2());
        props.put("quarkus.fault-tolerance.\"dev.resilient.backend.resilience.LlmSecondaryGuard/call\".timeout.value", "12000");
        props.put("llm.secondary.jitter", "0.1");
        ServiceProcess backend = suite.backend("quarkus-app", props);
        backend.start();
        try {
            LocalSuite.status(backend, token).statusCode(200)
                    .body("services.llm-primary.policy.attempts", equalTo(3))
                    .body("services.llm-primary.policy.timeout_ms", equalTo(60000))
                    .body("services.llm-primary.policy.backoff_factor", equalTo(1.5f))
                    .body("services.llm-primary.policy.jitter", equalTo(0.2f))
                    .body("services.llm-primary.policy.breaker_threshold", equalTo(5))
                    .body("services.llm-primary.policy.breaker_delay_ms", equalTo(60000))
                    .body("services.llm-primary.policy.rate_limit", equalTo(100))
                    .body("services.llm-secondary.policy.attempts", equalTo(2))
                    .body("services.llm-secondary.policy.timeout_ms", equalTo(12000))
                    .body("services.llm-secondary.policy.jitter", equalTo(0.1f))
                    .body("services.auth.policy.attempts", equalTo(2))
                    .body("services.auth.policy.timeout_ms", equalTo(5000))
                    .body("services.filesystem.policy.timeout_ms", equalTo(20000))
                    .body("services.filesystem.policy.operation_timeouts_ms.fulltext-search", equalTo(5000))
                    .body("services.filesystem.policy.operation_timeouts_ms.history-save", equalTo(10000));
        } finally {
            backend.stop();
        }
    }

    private static long queries() {
        Map<String, Object> byPath = suite.stub("chroma-stub", "/_chaos").extract().jsonPath().getMap("by_path");
        Object n = byPath.get("/query");
        return n == null ? 0 : ((Number) n).longValue();
    }
}
