package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one user may hold at once (keys {@code backend.quotas.*}, env {@code BACKEND_QUOTAS_*}),
 * so that no user fills what every user shares. Checked when a job is submitted, except requests in
 * flight, checked at the front door.
 */
@ConfigMapping(prefix = "backend.quotas")
public interface QuotaConfig {

    /** Projects (each a vector-store collection) one user may create; past it a new project is refused with 403. */
    @WithDefault("100")
    int projectsPerUser();

    /** Jobs of one user waiting or running at once; past it a submission is refused with 429. */
    @WithDefault("1000")
    int waitingJobsPerUser();

    /** Distinct document ids in one project; past it a submission adding new ones is refused with 403. */
    @WithDefault("10000")
    int documentsPerProject();

    /**
     * Bytes of one project's documents (newest versions), each weighed as the vector store weighs its chunk:
     * UTF-8 bytes of id, text and file name plus its embedding (at most 6 KiB). Past it a submission is
     * refused with 413. Default 16 MiB.
     */
    @WithDefault("16777216")
    long bytesPerProject();

    /**
     * Bytes of all of one user's projects, weighed as above; past it a submission is refused with 413.
     * Default 32 MiB, what chroma-stub stores for one tenant ({@code chroma.max-bytes-per-tenant}): a
     * submission the vector store could not index is refused here, not accepted and then failed by its job.
     */
    @WithDefault("33554432")
    long bytesPerUser();

    /**
     * Requests of one user the backend serves at once; past it a request is refused with 429 at once.
     * Above what one user's client needs (the bench drives at most 14 connections per user).
     */
    @WithDefault("32")
    int requestsInFlightPerUser();
}
