package dev.resilient.backend.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One feature flag as the status and the mode view show it: seed 004's FeatureFlag (description,
 * default_value, mode_values) with its value in the mode in force.
 *
 * @param enabled      its value now
 * @param modes        its value in each mode
 */
public record FeatureView(boolean enabled, String description, @JsonProperty("default") boolean defaultValue,
        Map<String, Boolean> modes) {
}
