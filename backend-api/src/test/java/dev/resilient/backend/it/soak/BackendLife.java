package dev.resilient.backend.it.soak;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the backend process is being killed or restarted: an epoch that moves on each kill and
 * each completed restart, so a request can tell whether the backend went away while it ran.
 */
public final class BackendLife {

    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean down;

    public long epoch() {
        return epoch.get();
    }

    public void killing() {
        down = true;
        epoch.incrementAndGet();
    }

    public void restarted() {
        epoch.incrementAndGet();
        down = false;
    }

    /** Whether the process is being killed or restarted now. */
    public boolean down() {
        return down;
    }

    /** True when the backend was up, the same process, for the whole time since {@code startEpoch}. */
    public boolean steadySince(long startEpoch) {
        return !down && epoch.get() == startEpoch;
    }
}
