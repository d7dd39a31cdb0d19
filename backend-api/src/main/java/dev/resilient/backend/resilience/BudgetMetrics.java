package dev.resilient.backend.resilience;

import io.micrometer.core.instrument.MeterRegistry;

/** Counter {@code request.budget.denials} (tags {@code downstream}, {@code reason}): calls, attempts and retries a time or retry budget stopped. */
final class BudgetMetrics {

    static final String NOT_STARTED = "not_started";
    static final String ATTEMPT_CUT = "attempt_cut";
    static final String RETRY_DEADLINE = "retry_deadline";
    static final String RETRY_BUDGET = "retry_budget";

    private BudgetMetrics() {
    }

    static void denied(MeterRegistry registry, Downstream d, String reason) {
        registry.counter("request.budget.denials", "downstream", d.key(), "reason", reason).increment();
    }
}
