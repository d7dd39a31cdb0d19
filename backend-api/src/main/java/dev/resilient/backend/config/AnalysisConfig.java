package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Document analysis (keys {@code backend.analysis.*}, env {@code BACKEND_ANALYSIS_*}); its queue's workers,
 * attempts and backoff are {@code backend.jobs.queues.analysis.*}.
 */
@ConfigMapping(prefix = "backend.analysis")
public interface AnalysisConfig {

    /** How long an analysis stays cached (seed 004's complete example: 24 hours). */
    @WithDefault("PT24H")
    Duration cacheTtl();

    /** Most characters of a document one prompt carries: the rest is cut, so no document passes the LLM's limit. */
    @WithDefault("12000")
    int maxChars();
}
