package dev.resilient.backend.admission;

import com.netflix.concurrency.limits.Limit;
import java.util.function.Consumer;

/**
 * A limit that never reads below a floor. The library's Vegas has no minimum of its own (it may fall
 * to 1); a front door at 1 would turn away the critical requests of every user while one slow
 * request is in flight.
 */
final class LimitFloor implements Limit {

    private final Limit delegate;
    private final int floor;

    LimitFloor(Limit delegate, int floor) {
        this.delegate = delegate;
        this.floor = floor;
    }

    @Override
    public int getLimit() {
        return Math.max(floor, delegate.getLimit());
    }

    @Override
    public void notifyOnChange(Consumer<Integer> consumer) {
        delegate.notifyOnChange(limit -> consumer.accept(Math.max(floor, limit)));
    }

    @Override
    public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
        delegate.onSample(startTime, rtt, inflight, didDrop);
    }
}
