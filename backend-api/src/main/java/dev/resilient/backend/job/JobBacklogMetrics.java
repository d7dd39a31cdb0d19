package dev.resilient.backend.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Gauges {@code jobs.backlog} (Prometheus {@code jobs_backlog}, tag {@code state}: queued, retrying) and
 * {@code jobs.backlog.oldest.age} ({@code jobs_backlog_oldest_age_seconds}): how many jobs (every type and queue) wait and
 * how long the oldest of them has waited, for the alert on a backlog growing old (deploy/prometheus/alerts.yml).
 *
 * <p>A scrape never touches the database: the figures come from one grouped query every
 * {@code backend.jobs.backlog-refresh} (10 s), whatever the number of scrapers; the age is computed at the
 * scrape from the oldest job's submission time, so it keeps growing between refreshes. When the query fails
 * (database down) the last figures stay. The table is shared, so every backend replica reports the same backlog.
 */
@Startup
@ApplicationScoped
public class JobBacklogMetrics {

    private static final Logger LOG = Logger.getLogger(JobBacklogMetrics.class);

    private final Supplier<JobBacklog> source;
    private volatile JobBacklog last = JobBacklog.EMPTY;
    private volatile boolean failing;

    @Inject
    JobBacklogMetrics(JobStore store, MeterRegistry registry) {
        this(store::backlog, registry, Clock.systemUTC());
    }

    JobBacklogMetrics(Supplier<JobBacklog> source, MeterRegistry registry, Clock clock) {
        this.source = source;
        Gauge.builder("jobs.backlog", this, m -> m.last.queued()).tag("state", "queued")
                .description("Jobs waiting to run (every type and queue), by state (counted every backend.jobs.backlog-refresh)")
                .strongReference(true).register(registry);
        Gauge.builder("jobs.backlog", this, m -> m.last.retrying()).tag("state", "retrying")
                .description("Jobs waiting to run (every type and queue), by state (counted every backend.jobs.backlog-refresh)")
                .strongReference(true).register(registry);
        Gauge.builder("jobs.backlog.oldest.age", this, m -> m.last.oldestAgeSeconds(clock.instant())).baseUnit("seconds")
                .description("How long the oldest queued or retrying job has waited since it was submitted; 0 when none waits")
                .strongReference(true).register(registry);
    }

    @Scheduled(every = "${backend.jobs.backlog-refresh:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last = source.get();
            if (failing) {
                LOG.info("Job backlog metrics: counting again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Job backlog metrics: could not count the waiting jobs (%s); the gauges keep the last figures", e.getMessage());
                failing = true;
            }
        }
    }
}
