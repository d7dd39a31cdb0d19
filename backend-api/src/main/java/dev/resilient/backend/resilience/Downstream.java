package dev.resilient.backend.resilience;

/**
 * The services the backend calls. {@code key} names the REST client configuration
 * ({@code quarkus.rest-client.<key>.url}), the circuit breaker ({@code @CircuitBreakerName}) and
 * the entry in {@code /v1/api/status/services}; {@code displayName} is the seeds' log prefix.
 */
public enum Downstream {
    CHROMA("chroma", "Chroma Server", ChromaGuard.class),
    FILESYSTEM("filesystem", "Filesystem Server", FilesystemGuard.class),
    BILLING("billing", "Billing Server", BillingGuard.class),
    GIT("git", "Git Server", GitGuard.class),
    LLM_PRIMARY("llm-primary", "LLM Primary", LlmPrimaryGuard.class),
    LLM_SECONDARY("llm-secondary", "LLM Secondary", LlmSecondaryGuard.class);

    private final String key;
    private final String displayName;
    private final Class<?> guard;

    Downstream(String key, String displayName, Class<?> guard) {
        this.key = key;
        this.displayName = displayName;
        this.guard = guard;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** The bean whose {@code call} method carries this downstream's fault-tolerance policy. */
    public Class<?> guard() {
        return guard;
    }

    /** The seeds' log prefix, e.g. {@code [Chroma Server]}. */
    public String tag() {
        return "[" + displayName + "]";
    }
}
