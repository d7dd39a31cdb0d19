package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each LLM provider under its own policy (seed 004's complete example): the primary makes 3 attempts,
 * the secondary 2, counted where they arrive. The timeouts (60 s, 30 s) are shortened for every guard
 * by the test profile; PolicyKeyFormsIT reads them on a packaged backend.
 */
@QuarkusTest
class LlmProviderPoliciesTest {

    private static final String COMPLETIONS = "/v1/chat/completions";

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void healthy() {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
    }

    @Test
    void statusShowsEachProvidersOwnPolicy() {
        Backend.status("alice").statusCode(200)
                .body("services.llm-primary.policy.attempts", equalTo(3))
                .body("services.llm-secondary.policy.attempts", equalTo(2))
                .body("services.llm-primary.policy.backoff_factor", equalTo(1.5f))
                .body("services.llm-secondary.policy.jitter", equalTo(0.2f))
                .body("services.llm-primary.policy.rate_limit", equalTo(100))
                .body("services.llm-secondary.policy.rate_limit_window_ms", equalTo(60000))
                .body("services.chroma.policy.backoff_factor", equalTo(2.0f))
                .body("services.chroma.policy.rate_limit", equalTo(null));
    }

    @Test
    void theSecondaryGivesUpAfterTwoAttemptsThePrimaryAfterThree() {
        Stubs.chaos("llm-stub", "{\"mode\":\"error\"}");
        Stubs.chaos("llm-stub-secondary", "{\"mode\":\"error\"}");
        long primary = Stubs.requests("llm-stub", COMPLETIONS);
        long secondary = Stubs.requests("llm-stub-secondary", COMPLETIONS);

        Backend.chat("alice", Backend.freshProject(), "How many attempts does each provider get?").statusCode(200)
                .body("llm_provider", equalTo("none")).body("degraded", hasItem("llm"));

        assertEquals(3, Stubs.requests("llm-stub", COMPLETIONS) - primary, "the primary's attempts");
        assertEquals(2, Stubs.requests("llm-stub-secondary", COMPLETIONS) - secondary, "the secondary's attempts");
    }
}
