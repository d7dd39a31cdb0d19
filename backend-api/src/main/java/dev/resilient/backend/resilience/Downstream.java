package dev.resilient.backend.resilience;

/**
 * The services the backend calls. {@code key} names the REST client configuration
 * ({@code quarkus.rest-client.<key>.url}), the circuit breaker ({@code @CircuitBreakerName}) and
 * the entry in {@code /v1/api/status/services}; {@code displayName} is the seeds' log prefix.
 */
public enum Downstream {
    CHROMA("chroma", "Chroma Server"),
    FILESYSTEM("filesystem", "Filesystem Server"),
    BILLING("billing", "Billing Server"),
    GIT("git", "Git Server"),
    LLM_PRIMARY("llm-primary", "LLM Primary"),
    LLM_SECONDARY("llm-secondary", "LLM Secondary"),
    AUTH("auth", "Auth Server");

    private final String key;
    private final String displayName;

    Downstream(String key, String displayName) {
        this.key = key;
        this.displayName = displayName;
    }

    public String key() {
        return key;
    }

    public String displayName() {
        return displayName;
    }

    /** The seeds' log prefix, e.g. {@code [Chroma Server]}. */
    public String tag() {
        return "[" + displayName + "]";
    }
}
