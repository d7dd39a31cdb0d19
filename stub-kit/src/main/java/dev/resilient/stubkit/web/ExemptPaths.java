package dev.resilient.stubkit.web;

/** Paths the stub-kit filters treat specially. */
public final class ExemptPaths {

    public static final String CHAOS = "/_chaos";

    private ExemptPaths() {
    }

    /** Quarkus' own endpoints ({@code /q/health}, {@code /q/metrics}): never faulted, never need the token. */
    public static boolean isQuarkusEndpoint(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    /** The service's own health checks, public as on the real services. */
    public static boolean isHealth(String path) {
        return path.equals("/health") || path.equals("/ready");
    }

    /** The chaos API itself is never faulted, so a broken stub can always be healed. */
    public static boolean isChaosApi(String path) {
        return path.equals(CHAOS) || path.startsWith(CHAOS + "/");
    }
}
