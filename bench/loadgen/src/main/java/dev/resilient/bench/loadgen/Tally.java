package dev.resilient.bench.loadgen;

import org.HdrHistogram.Histogram;

/**
 * What one kind of request got. Touched only from the generator's single event loop, so plain fields.
 * {@code good}: answered 2xx within the kind's deadline, counted from the intended send time;
 * {@code shed}: 503 from an admission gate (it names the criticality it refused);
 * {@code admitted} latencies: every answer that was not shed.
 */
final class Tally {

    final Kind kind;
    long sent, ok, good, degraded, shed, limited, otherErrors, failed;
    final Histogram admitted = new Histogram(120_000_000L, 3);   // microseconds, up to 120 s
    final Histogram refused = new Histogram(120_000_000L, 3);    // how long a shed request waited for its 503
    final java.util.SortedMap<Integer, Long> errorStatuses = new java.util.TreeMap<>();   // status -> count, of otherErrors
    final long[] goodPerWindow;
    final long[] sentPerWindow;
    final long[] shedPerWindow;

    Tally(Kind kind, int windows) {
        this.kind = kind;
        goodPerWindow = new long[windows];
        sentPerWindow = new long[windows];
        shedPerWindow = new long[windows];
    }

    void sent(int window) {
        sent++;
        bump(sentPerWindow, window);
    }

    /** An answer: its status, whether it says it is degraded or was shed, and its latency. */
    void answered(int window, int status, boolean shedByGate, boolean isDegraded, long latencyMicros) {
        if (status == 503 && shedByGate) {
            shed++;
            bump(shedPerWindow, window);
            refused.recordValue(Math.min(latencyMicros, refused.getHighestTrackableValue()));
            return;
        }
        admitted.recordValue(Math.min(latencyMicros, admitted.getHighestTrackableValue()));
        if (status >= 200 && status < 300) {
            ok++;
            if (isDegraded) {
                degraded++;
            }
            if (latencyMicros <= kind.deadlineMs() * 1000) {
                good++;
                bump(goodPerWindow, window);
            }
        } else if (status == 429) {
            limited++;
        } else {
            otherErrors++;
            errorStatuses.merge(status, 1L, Long::sum);
        }
    }

    /** No answer: connection refused or reset, or no answer within the deadline and its grace. */
    void failed() {
        failed++;
    }

    private static void bump(long[] perWindow, int window) {
        if (window >= 0 && window < perWindow.length) {
            perWindow[window]++;
        }
    }
}
