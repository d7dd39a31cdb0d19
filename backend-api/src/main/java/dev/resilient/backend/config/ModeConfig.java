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

    /** Feature flags by name: {@code backend.features.<name>.enabled} and {@code .modes.<MODE>}. */
    Map<String, Feature> features();

    interface Mode {
        /** EMERGENCY when at least this many breakers are open. */
        @WithDefault("3")
        int emergencyOpenBreakers();

        /** Downstreams (status keys) whose open breaker alone means EMERGENCY. */
        Optional<List<String>> criticalServices();
    }

    interface Feature {
        /** The value in any mode that {@link #modes()} does not name. */
        @WithDefault("true")
        boolean enabled();

        /** The value in a given mode: {@code NORMAL}, {@code DEGRADED}, {@code EMERGENCY}, {@code MAINTENANCE}. */
        Map<String, Boolean> modes();
    }
}
