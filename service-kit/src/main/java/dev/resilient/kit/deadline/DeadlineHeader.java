package dev.resilient.kit.deadline;

import java.util.OptionalLong;

/**
 * The header that carries a caller's remaining time budget to the service it calls: the number of
 * milliseconds the caller will still wait for this answer. Relative, not a point in time, so the
 * two machines' clocks need not agree (as gRPC's {@code grpc-timeout} and Envoy's
 * {@code x-envoy-expected-rq-timeout-ms}). The backend sends it on every downstream attempt;
 * stub-kit stops waiting or working once it has run out.
 */
public final class DeadlineHeader {

    public static final String NAME = "X-Request-Timeout-Ms";

    private DeadlineHeader() {
    }

    /**
     * @return the milliseconds left, empty when the header is absent
     * @throws IllegalArgumentException when the value is not a whole number of milliseconds
     */
    public static OptionalLong parse(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(NAME + " must be a whole number of milliseconds, got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
        }
    }
}
