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

    /**
     * One check's outcome; {@code atNanos} on the monotonic clock, {@code at} for display. {@code timedOut}: no
     * answer within the check's timeout, which counts as down only when the check before timed out or failed
     * too: one slow answer is what a busy or just-started backend sees of a healthy dependency (the first
     * round after a start, on a loaded machine, timed out on four stubs and put the backend in EMERGENCY for
     * one interval, refusing ingestion), while a refused connection or an error status counts at once.
     */
    record Outcome(boolean up, String detail, long latencyMs, Instant at, long atNanos, boolean timedOut) {
        Outcome(boolean up, String detail, long latencyMs, Instant at, long atNanos) {
            this(up, detail, latencyMs, at, atNanos, false);
        }
    }

    /** A component's latest outcome and whether the one before it was a failure too. */
    private record Latest(Outcome outcome, boolean failedBefore) {
        boolean down() {
            return !outcome.up() && (!outcome.timedOut() || failedBefore);
        }
    }

    private final List<String> components;
    private final long maxAgeNanos;
    private final Map<String, Latest> latest = new ConcurrentHashMap<>();

    ProbeResults(List<String> components, Duration maxAge) {
        this.components = List.copyOf(components);
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Keeps {@code outcome} as the component's latest; answers whether the component was and now is down. */
    Change record(String component, Outcome outcome) {
        Latest before = latest.get(component);
        Latest now = new Latest(outcome, before != null && !before.outcome().up());
        latest.put(component, now);
        return new Change(before != null && before.down(), now.down());
    }

    /** Down before and after one check, for the log. */
    record Change(boolean wasDown, boolean isDown) {
    }

    /** Every component as of {@code nowNanos}, in the order they were given. */
    Map<String, ComponentHealth> view(long nowNanos) {
        Map<String, ComponentHealth> view = new LinkedHashMap<>();
        for (String c : components) {
            Latest l = latest.get(c);
            Outcome o = l == null ? null : l.outcome();
            if (o == null) {
                view.put(c, new ComponentHealth(ComponentHealth.UNKNOWN, "not checked yet", null, null));
            } else if (nowNanos - o.atNanos() > maxAgeNanos) {
                view.put(c, new ComponentHealth(ComponentHealth.DOWN, "no check result for "
                        + Duration.ofNanos(nowNanos - o.atNanos()).toSeconds() + " s (at most "
                        + Duration.ofNanos(maxAgeNanos).toSeconds() + " s allowed)", o.latencyMs(), o.at()));
            } else {
                String detail = !o.up() && !l.down() ? o.detail() + " (once: a second check in a row decides)" : o.detail();
                view.put(c, new ComponentHealth(l.down() ? ComponentHealth.DOWN : ComponentHealth.UP, detail,
                        o.latencyMs(), o.at()));
            }
        }
        return view;
    }
}
