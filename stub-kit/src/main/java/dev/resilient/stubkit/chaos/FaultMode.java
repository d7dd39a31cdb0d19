package dev.resilient.stubkit.chaos;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ways a stub can be told to fail; the wire form is the lower-case name. */
public enum FaultMode {
    /** Healthy: every request is served normally. */
    OK,
    /** Answer {@code status} (default 500) with a JSON error instead of serving. */
    ERROR,
    /** Delay by {@code latency_ms} (+ up to {@code jitter_ms}), then serve normally. */
    SLOW,
    /** Never answer: the connection stays open until the client gives up. */
    HANG,
    /** Close the connection without writing a response. */
    RESET,
    /** Like {@code error}, but only with {@code probability} (default 0.5). */
    FLAKY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire form; unknown names are a client error listing the valid ones. */
    @JsonCreator
    public static FaultMode fromWire(String value) {
        if (value == null) {
            throw new IllegalArgumentException("mode is required");
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + value + "', expected one of "
                    + Arrays.stream(values()).map(FaultMode::wire).collect(Collectors.joining(", ")));
        }
    }
}
