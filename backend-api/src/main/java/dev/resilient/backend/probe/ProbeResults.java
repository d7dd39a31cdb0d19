package dev.resilient.backend.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest outcome of each component's check, and how old it may get: a result older than the
 * maximum age reads as down, so a check round that never comes (a stalled scheduler) cannot leave a
 * dependency reported up. Time is passed in (monotonic nanoseconds), so the rule runs on a fake clock.
 */
final class ProbeResults {

    /** One check's outcome; {@code atNanos} on the monotonic clock, {@code at} for display. */
    record Outcome(boolean up, String detail, long latencyMs, Instant at, long atNanos) {
    }

    private final List<String> components;
    private final long maxAgeNanos;
    private final Map<String, Outcome> latest = new ConcurrentHashMap<>();

    ProbeResults(List<String> components, Duration maxAge) {
        this.components = List.copyOf(components);
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Keeps {@code outcome} as the component's latest; answers the one it replaces, or null. */
    Outcome record(String component, Outcome outcome) {
        return latest.put(component, outcome);
    }

    /** Every component as of {@code nowNanos}, in the order they were given. */
    Map<String, ComponentHealth> view(long nowNanos) {
        Map<String, ComponentHealth> view = new LinkedHashMap<>();
        for (String c : components) {
            Outcome o = latest.get(c);
            if (o == null) {
                view.put(c, new ComponentHealth(ComponentHealth.UNKNOWN, "not checked yet", null, null));
            } else if (nowNanos - o.atNanos() > maxAgeNanos) {
                view.put(c, new ComponentHealth(ComponentHealth.DOWN, "no check result for "
                        + Duration.ofNanos(nowNanos - o.atNanos()).toSeconds() + " s (at most "
                        + Duration.ofNanos(maxAgeNanos).toSeconds() + " s allowed)", o.latencyMs(), o.at()));
            } else {
                view.put(c, new ComponentHealth(o.up() ? ComponentHealth.UP : ComponentHealth.DOWN, o.detail(),
                        o.latencyMs(), o.at()));
            }
        }
        return view;
    }
}
