package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;

/**
 * Time and retry budgets (keys {@code backend.budgets.*}, env {@code BACKEND_BUDGETS_*}).
 * A user request gets a deadline; every downstream attempt gets the smaller of its policy timeout
 * and the time left. Retries of each downstream stay under a share of its recent calls.
 */
@ConfigMapping(prefix = "backend.budgets")
public interface BudgetConfig {

    /** Both budgets on or off ({@code BACKEND_BUDGETS_ENABLED=false} restores the plain seed policy). */
    @WithDefault("true")
    boolean enabled();

    Deadline deadline();

    Retry retry();

    interface Deadline {
        /** Budget of an endpoint not listed under {@code endpoints}. */
        @WithName("default")
        @WithDefault("5s")
        Duration defaultBudget();

        /** Per endpoint ({@code chat}, {@code search}, {@code billing}, ...), e.g. {@code backend.budgets.deadline.endpoints.chat=10s}. */
        Map<String, Duration> endpoints();

        /** An attempt is not started with less time than this left: it could not finish, and would only blame a healthy service. */
        @WithDefault("100ms")
        Duration minAttempt();

        /**
         * Share of the time left that a call with a fallback may spend (vector search before
         * full-text search, the primary LLM before the secondary); the rest is kept for the fallback.
         */
        @WithDefault("0.5")
        double fallbackShare();

        /**
         * An attempt cut by its caller's deadline counts as a breaker failure only when it ran at
         * least this long: a caller cannot open a breaker for everyone by giving its calls less time
         * than a healthy service needs. Per downstream in {@code breaker-floors}.
         */
        @WithDefault("500ms")
        Duration breakerFloor();

        /** Per downstream key ({@code llm-primary}, ...), e.g. {@code backend.budgets.deadline.breaker-floors.llm-primary=2s}. */
        Map<String, Duration> breakerFloors();

        /** Whether a caller's own {@code X-Request-Timeout-Ms} may shorten the endpoint's budget. */
        @WithDefault("true")
        boolean honourCallerHeader();
    }

    interface Retry {
        /** Retries allowed as a share of the calls of the window (Finagle's and Envoy's default: 10%). */
        @WithDefault("0.1")
        double ratio();

        /** Retries always allowed per second of the window, so a quiet service can still retry. */
        @WithDefault("1")
        double minPerSecond();

        /** The window over which calls and retries are counted. */
        @WithDefault("10s")
        Duration window();
    }

    /** The breaker floor of the downstream whose key is {@code downstream}. */
    default Duration breakerFloorOf(String downstream) {
        return deadline().breakerFloors().getOrDefault(downstream, deadline().breakerFloor());
    }

    /** The budget of the endpoint named {@code name}. */
    default Duration budgetOf(String name) {
        return deadline().endpoints().getOrDefault(name, deadline().defaultBudget());
    }
}
