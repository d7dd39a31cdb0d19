package dev.resilient.backend.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The backlog gauges read the last count, never the database, and the age grows between counts. */
class JobBacklogMetricsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final AtomicInteger queries = new AtomicInteger();
    private final AtomicReference<Object> next = new AtomicReference<>(JobBacklog.EMPTY);

    private final JobBacklogMetrics metrics = new JobBacklogMetrics(() -> {
        queries.incrementAndGet();
        if (next.get() instanceof RuntimeException e) {
            throw e;
        }
        return (JobBacklog) next.get();
    }, registry, new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    private double gauge(String name, String... tags) {
        return registry.get(name).tags(tags).gauge().value();
    }

    @Test
    void nothingWaitingReadsZero() {
        metrics.refresh();
        assertEquals(0, gauge("jobs.backlog", "state", "queued"));
        assertEquals(0, gauge("jobs.backlog", "state", "retrying"));
        assertEquals(0, gauge("jobs.backlog.oldest.age"));
    }

    @Test
    void scrapesReadTheLastCountAndTheAgeKeepsGrowingBetweenCounts() {
        next.set(new JobBacklog(3, 2, T0.minusSeconds(90)));
        metrics.refresh();
        for (int scrape = 0; scrape < 5; scrape++) {
            assertEquals(3, gauge("jobs.backlog", "state", "queued"));
            assertEquals(2, gauge("jobs.backlog", "state", "retrying"));
        }
        assertEquals(90, gauge("jobs.backlog.oldest.age"), 1e-9);
        now.set(T0.plusSeconds(30));
        assertEquals(120, gauge("jobs.backlog.oldest.age"), 1e-9, "no new count, the oldest job waited 30 s more");
        assertEquals(1, queries.get(), "one query, however many scrapes");
    }

    @Test
    void aFailedCountKeepsTheLastFigures() {
        next.set(new JobBacklog(1, 0, T0));
        metrics.refresh();
        next.set(new IllegalStateException("database down"));
        metrics.refresh();
        assertEquals(1, gauge("jobs.backlog", "state", "queued"));
        next.set(JobBacklog.EMPTY);
        metrics.refresh();
        assertEquals(0, gauge("jobs.backlog", "state", "queued"));
    }
}
