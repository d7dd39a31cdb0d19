package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * The active health checks behind {@code GET /v1/api/health} (keys {@code backend.health.*}, env
 * {@code BACKEND_HEALTH_*}): what is checked, how often, and how long a check may take.
 */
@ConfigMapping(prefix = "backend.health")
public interface HealthConfig {

    /**
     * Time between two rounds of checks (the Quarkus scheduler's {@code every}: {@code 10s}, {@code 500ms};
     * {@code off} runs none). Ten seconds is what seed 004's {@code /api/health} gets from its usual poller,
     * Kubernetes' default probe period.
     */
    @WithDefault("10s")
    String interval();

    /** Most time one check may take; a slower dependency counts as down (its check times out). */
    @WithDefault("2s")
    Duration timeout();

    /**
     * A result older than this counts as a failed check ("not checked for ..."): a stalled scheduler must not
     * leave a dependency reported up forever. Three intervals by default.
     */
    @WithDefault("30s")
    Duration maxAge();

    /**
     * Component name (the status key: {@code chroma}, {@code llm-primary}, {@code auth} ...) to the URL the
     * backend calls it at; the check is {@code GET <root>/health} (an OpenAI-compatible {@code /v1} dropped).
     */
    Map<String, String> targets();
}
