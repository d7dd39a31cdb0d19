package dev.resilient.kit.criticality;

import java.util.Locale;
import java.util.Optional;

/**
 * The header that carries a request's {@link Criticality}, from a client to the backend and from
 * the backend to the stubs, beside the deadline ({@code X-Request-Timeout-Ms}). A caller may only
 * lower its request's criticality: a value above the endpoint's own is ignored, so no client can
 * make its work outrank billing by asking.
 */
public final class CriticalityHeader {

    public static final String NAME = "X-Request-Criticality";

    private CriticalityHeader() {
    }

    /**
     * @return the criticality named, empty when the header is absent or blank
     * @throws IllegalArgumentException when the value names none
     */
    public static Optional<Criticality> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String name = value.trim().toLowerCase(Locale.ROOT);
        for (Criticality c : Criticality.values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        throw new IllegalArgumentException(NAME + " must be critical, default or sheddable, got '"
                + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
    }

    /**
     * The criticality a request is served with: its endpoint's, or the header's when that is lower.
     *
     * @throws IllegalArgumentException when the header names no criticality
     */
    public static Criticality effective(Criticality endpoint, String header) {
        return parse(header).map(endpoint::atMost).orElse(endpoint);
    }
}
