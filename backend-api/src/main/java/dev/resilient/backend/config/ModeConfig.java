package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the operation mode is derived, and the feature flags' per-mode values
 * (keys {@code backend.mode.*} and {@code backend.features.*}).
 */
@ConfigMapping(prefix = "backend")
public interface ModeConfig {

    Mode mode();

    /**
     * Seed 004's FeatureFlags by name: {@code backend.features.<name>.description}, {@code .enabled} (its
     * default_value) and {@code .modes.<MODE>} (its mode_values).
     */
    Map<String, Feature> features();

    interface Mode {
        /** EMERGENCY when at least this many components are down at once (breaker open or health check failed). */
        @WithDefault("3")
        int emergencyOpenBreakers();

        /** Components (status keys, e.g. {@code billing}, {@code job-database}) whose being down alone means EMERGENCY. */
        Optional<List<String>> criticalServices();
    }

    interface Feature {
        /** What the flag turns on, for the status and the mode view. */
        @WithDefault("(no description)")
        String description();

        /** The value in any mode that {@link #modes()} does not name. */
        @WithDefault("true")
        boolean enabled();

        /** The value in a given mode: {@code NORMAL}, {@code DEGRADED}, {@code EMERGENCY}, {@code MAINTENANCE}. */
        Map<String, Boolean> modes();
    }
}
