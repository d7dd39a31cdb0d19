package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one user may hold at once (keys {@code backend.quotas.*}, env {@code BACKEND_QUOTAS_*}),
 * so that no user fills what every user shares. Checked when a job is submitted.
 */
@ConfigMapping(prefix = "backend.quotas")
public interface QuotaConfig {

    /** Projects (each a vector-store collection) one user may create; past it a new project is refused with 403. */
    @WithDefault("100")
    int projectsPerUser();

    /** Jobs of one user waiting or running at once; past it a submission is refused with 429. */
    @WithDefault("1000")
    int waitingJobsPerUser();
}
