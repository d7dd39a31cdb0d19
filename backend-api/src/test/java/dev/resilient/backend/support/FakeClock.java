package dev.resilient.backend.support;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock and a ticker that move only when a test says so, together. */
public final class FakeClock extends Clock implements Ticker {

    private long nanos = 1_000_000_000_000L;

    public void advance(Duration by) {
        nanos += by.toNanos();
    }

    @Override
    public long read() {
        return nanos;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochSecond(0, nanos);
    }
}
