package dev.resilient.backend.e2e;

import dev.resilient.backend.resilience.ConcurrencyLimits;
import dev.resilient.backend.support.Stubs;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests that break downstreams on purpose: each starts with every stub up and healed, every breaker
 * closed and every concurrency limit at its initial value.
 */
abstract class HealthySuiteTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    ConcurrencyLimits limits;

    @BeforeEach
    void healthySuite() {
        Stubs.startAndHealDownstreams();
        breakers.resetAll();
        limits.resetAll();
    }
}
