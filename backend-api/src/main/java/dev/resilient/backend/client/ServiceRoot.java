package dev.resilient.backend.client;

/** Where a service's own endpoints ({@code /_chaos}, {@code /health}) are, given the URL the backend calls it at. */
public final class ServiceRoot {

    private ServiceRoot() {
    }

    /** The URL without a trailing slash and without an OpenAI-compatible {@code /v1}: our services serve them at their root. */
    public static String of(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.endsWith("/v1") ? u.substring(0, u.length() - 3) : u;
    }
}
