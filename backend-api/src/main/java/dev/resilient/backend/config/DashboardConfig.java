package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * The dashboard's chaos buttons (keys {@code backend.dashboard.*}): where each stub's
 * {@code /_chaos} API lives. The defaults in application.properties reuse the downstream URLs
 * ({@code quarkus.rest-client.<key>.url}, {@code llm.<p>.url} without its {@code /v1}), so
 * nothing needs setting twice; override one with {@code BACKEND_DASHBOARD_CHAOS_TARGETS_CHROMA=...}.
 */
@ConfigMapping(prefix = "backend.dashboard")
public interface DashboardConfig {

    /** Service name (the status key, e.g. {@code chroma}, {@code llm-primary}, {@code auth}) to its base URL. */
    Map<String, String> chaosTargets();
}
