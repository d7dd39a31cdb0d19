package dev.resilient.backend.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.OptionalInt;

/**
 * Admission control at the backend's front door (keys {@code backend.admission.*}, env
 * {@code BACKEND_ADMISSION_*}): how many user requests the backend serves at once, adjusted by Netflix
 * concurrency-limits' Gradient2 algorithm from the requests' own times, and which share of that limit
 * each criticality may fill. A request past its share is refused with 503 JSON and {@code Retry-After}
 * before its token is checked or its body read.
 */
@ConfigMapping(prefix = "backend.admission")
public interface AdmissionConfig {

    /** Off ({@code BACKEND_ADMISSION_ENABLED=false}): every request is admitted; criticality still travels to the stubs. */
    @WithDefault("true")
    boolean enabled();

    /** A fixed limit instead of the adaptive one, for an operator who has measured the capacity (and for tests). */
    OptionalInt fixedLimit();

    /** The adaptive limit's start. */
    @WithDefault("100")
    int initialLimit();

    /**
     * The adaptive limit never falls below this: above one user's in-flight quota
     * ({@code backend.quotas.requests-in-flight-per-user}), so a single user meets that quota's 429 first.
     */
    @WithDefault("64")
    int minLimit();

    /** The adaptive limit never grows above this. */
    @WithDefault("800")
    int maxLimit();

    /**
     * How much longer than their long-term average the requests may take before the limit falls (Gradient2's
     * tolerance, at least 1). 2: the mix of endpoints (a chat waits for an LLM, a status read does not) moves
     * the average more than the library's default of 1.5 expects.
     */
    @WithDefault("2.0")
    double rttTolerance();

    /** Sheddable requests are admitted while fewer than this share of the limit is in flight. */
    @WithDefault("0.5")
    double sheddableShare();

    /** Default requests are admitted while fewer than this share of the limit is in flight; critical ones fill it all. */
    @WithDefault("0.75")
    double defaultShare();

    /** The {@code Retry-After} of a refused request, in seconds. */
    @WithDefault("1")
    int retryAfterSeconds();
}
