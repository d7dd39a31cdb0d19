package dev.resilient.backend.mode;

import dev.resilient.backend.config.ModeConfig;
import dev.resilient.kit.errors.ApiError;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;

/** Seed 004's FeatureFlag: a value per operation mode, from {@code backend.features.*}. */
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

    public boolean isEnabled(String feature) {
        return isEnabled(feature, modes.current().mode());
    }

    /** Answers 503 with a clear message when the feature is off in the current mode. */
    public void require(String feature, String what) {
        ModeState state = modes.current();
        if (!isEnabled(feature, state.mode())) {
            throw ApiError.of(503, what + " is currently unavailable: the system is in " + state.mode()
                    + " mode (" + state.reason() + ")");
        }
    }

    /** Every flag's value in the current mode, for the status endpoint. */
    public Map<String, Boolean> snapshot() {
        OperationMode mode = modes.current().mode();
        Map<String, Boolean> values = new TreeMap<>();
        config.features().keySet().forEach(f -> values.put(f, isEnabled(f, mode)));
        return values;
    }

    private boolean isEnabled(String feature, OperationMode mode) {
        ModeConfig.Feature f = config.features().get(feature);
        if (f == null) {
            return true; // an unconfigured flag never turns a feature off
        }
        return f.modes().getOrDefault(mode.name(), f.enabled());
    }
}
