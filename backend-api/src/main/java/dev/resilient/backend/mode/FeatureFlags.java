package dev.resilient.backend.mode;

import dev.resilient.backend.api.FeatureView;
import dev.resilient.backend.config.ModeConfig;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seed 004's FeatureFlags: each has a description, a default value and a value per operation mode,
 * registered by configuration ({@code backend.features.<name>.description}, {@code .enabled},
 * {@code .modes.<MODE>}); {@link #isEnabled} is seed 004's {@code is_feature_enabled}.
 */
@ApplicationScoped
public class FeatureFlags {

    /** Ingesting documents (seed 004: off in EMERGENCY and MAINTENANCE). */
    public static final String DOCUMENT_ANALYSIS = "document-analysis";
    /** Asking providers for their advanced model (seed 004: off in DEGRADED, EMERGENCY, MAINTENANCE). */
    public static final String ADVANCED_LLM_MODELS = "advanced-llm-models";

    private final ModeConfig config;
    private final OperationModeService modes;

    FeatureFlags(ModeConfig config, OperationModeService modes) {
        this.config = config;
        this.modes = modes;
    }

    /** Whether {@code feature} is on in the mode in force; a flag nobody configured is on. Never fails. */
    public boolean isEnabled(String feature) {
        return isEnabled(feature, modes.current().mode());
    }

    /**
     * Refuses work whose feature is off in the mode in force.
     *
     * @throws dev.resilient.kit.errors.ApiError 503 {@code {"error"}} naming the mode and its reasons
     */
    public void require(String feature, String what) {
        ModeState state = modes.current();
        if (!isEnabled(feature, state.mode())) {
            throw ApiError.of(503, what + " is currently unavailable: the system is in " + state.mode()
                    + " mode (" + state.reason() + ")");
        }
    }

    /** Every flag: its description, its value in the current mode and in each mode, for the status and the mode view. */
    public Map<String, FeatureView> snapshot() {
        OperationMode now = modes.current().mode();
        Map<String, FeatureView> flags = new TreeMap<>();
        config.features().forEach((name, f) -> {
            Map<String, Boolean> byMode = new LinkedHashMap<>();
            for (OperationMode m : OperationMode.values()) {
                byMode.put(m.name(), isEnabled(name, m));
            }
            flags.put(name, new FeatureView(isEnabled(name, now), f.description(), f.enabled(), byMode));
        });
        return flags;
    }

    private boolean isEnabled(String feature, OperationMode mode) {
        ModeConfig.Feature f = config.features().get(feature);
        if (f == null) {
            return true; // an unconfigured flag never turns a feature off
        }
        return f.modes().getOrDefault(mode.name(), f.enabled());
    }
}
