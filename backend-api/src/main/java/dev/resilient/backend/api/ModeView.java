package dev.resilient.backend.api;

import dev.resilient.backend.mode.DegradationReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The operation mode as the admin API shows it: the mode, its reasons (seed 004's DegradationReasons;
 * {@code reason} is them in one line), who set it, since when, and the feature flags.
 */
public record ModeView(String mode, String reason, List<DegradationReason> reasons, String source, Instant since,
        Map<String, FeatureView> features) {
}
