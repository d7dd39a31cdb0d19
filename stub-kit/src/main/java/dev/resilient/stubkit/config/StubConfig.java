package dev.resilient.stubkit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Behaviour every stub shares; keys start with {@code stub.} (env {@code STUB_...}). */
@ConfigMapping(prefix = "stub")
public interface StubConfig {

    /** Service name shown by {@code /health}; defaults to {@code quarkus.application.name}. */
    String name();

    /** The fault active at start-up, as if {@code PUT /_chaos} had been called with it. */
    Chaos chaos();

    /**
     * Paths served without {@code X-INTERNAL-TOKEN}, besides {@code /health}, {@code /ready}
     * and {@code /q/...} (auth-stub's login and key endpoints, for instance). A trailing
     * {@code *} makes an entry a prefix.
     */
    Optional<List<String>> publicPaths();

    /** Largest request body accepted; larger bodies get 413 with a JSON error (feeds {@code api.body.max-bytes}). */
    @WithDefault("1048576")
    long maxBodyBytes();

    /** Admission by criticality ({@code X-Request-Criticality}, default when absent). */
    Admission admission();

    interface Admission {
        /**
         * Requests the stub works on at once: past {@code sheddable-share} of it sheddable requests get 503,
         * past {@code default-share} default ones; critical ones fill it all. Fixed, not adaptive: a stub
         * emulates a downstream of a known capacity, so a lab run can put it past that on purpose.
         */
        @WithDefault("256")
        int maxInFlight();

        @WithDefault("0.5")
        double sheddableShare();

        @WithDefault("0.75")
        double defaultShare();
    }

    interface Chaos {
        /** {@code ok}, {@code error}, {@code slow}, {@code hang}, {@code reset} or {@code flaky}. */
        @WithDefault("ok")
        String mode();

        Optional<Integer> status();

        Optional<Long> latencyMs();

        Optional<Long> jitterMs();

        Optional<Double> probability();

        Optional<String> path();

        Optional<Double> durationS();

        /** A hung request's connection is closed after this long so it cannot leak forever. */
        @WithDefault("PT10M")
        Duration hangMax();
    }
}
