package dev.resilient.backend.cache;

import dev.resilient.backend.resilience.Failures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Whether one level answered its last call: a failure is counted every time
 * ({@code cache.level.failures}, tag {@code level}) but logged only when the level stops answering,
 * and once more when it answers again, so a level that is down costs one log line, not one per call.
 */
final class LevelHealth {

    private static final Logger LOG = Logger.getLogger(DistributedCache.class);

    private final String level;
    private final String others;
    private final Counter failures;
    private final AtomicBoolean answering = new AtomicBoolean(true);

    /** @param others the levels the cache carries on with, for the log line */
    LevelHealth(String level, String others, MeterRegistry registry) {
        this.level = level;
        this.others = others;
        this.failures = Counter.builder("cache.level.failures")
                .description("Calls a cache level failed; the cache skipped it for them")
                .tag("level", level).register(registry);
    }

    void succeeded() {
        if (answering.compareAndSet(false, true)) {
            LOG.infof("\u21bb Cache level %s answers again: back in use", level);
        }
    }

    void failed(String operation, RuntimeException e) {
        failures.increment();
        if (answering.compareAndSet(true, false)) {
            LOG.warnf("\u2717 Cache level %s failed on %s (%s): the cache carries on with %s until it answers again",
                    level, operation, Failures.describe(e), others);
        } else {
            LOG.debugf("Cache level %s failed on %s: %s", level, operation, Failures.describe(e));
        }
    }

    boolean answering() {
        return answering.get();
    }
}
