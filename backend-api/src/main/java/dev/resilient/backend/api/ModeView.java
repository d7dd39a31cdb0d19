package dev.resilient.backend.api;

import java.time.Instant;
import java.util.Map;

/** The operation mode as the admin API shows it. */
public record ModeView(String mode, String reason, String source, Instant since, Map<String, Boolean> features) {
}
