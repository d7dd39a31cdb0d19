package dev.resilient.stubkit.chaos;

import dev.resilient.stubkit.config.StubConfig;

/** Turns the {@code stub.chaos.*} start-up configuration into a validated fault. */
final class StartupFault {

    private StartupFault() {
    }

    /** @throws IllegalArgumentException on an invalid value, so a misconfigured stub fails to start */
    static FaultSpec from(StubConfig.Chaos c) {
        try {
            return new ChaosRequest(FaultMode.fromWire(c.mode()), c.status().orElse(null),
                    c.latencyMs().orElse(null), c.jitterMs().orElse(null), c.probability().orElse(null),
                    c.path().orElse(null), c.durationS().orElse(null), null, null).toSpec();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid stub.chaos configuration: " + e.getMessage(), e);
        }
    }
}
