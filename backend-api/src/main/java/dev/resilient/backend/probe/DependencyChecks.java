package dev.resilient.backend.probe;

import dev.resilient.backend.config.CacheConfig;
import dev.resilient.backend.config.HealthConfig;
import dev.resilient.backend.resilience.Failures;
import dev.resilient.backend.resilience.TimeSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Seed 004's {@code health_service.check_all_systems()}, run by the Quarkus scheduler every
 * {@code backend.health.interval} (10 s) with no user's request: every stub's {@code /health} (auth,
 * chroma, filesystem, billing, git, both LLM providers), the job database, and Redis while the cache
 * uses it; all at once, each within {@code backend.health.timeout}. The health endpoint and the
 * operation mode read the results ({@link #components()}), so a stopped dependency shows within one
 * interval even when nobody calls it. A component turning down or up again is logged once.
 */
@ApplicationScoped
public class DependencyChecks {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.health");

    private final List<Probe> probes = new ArrayList<>();
    private final ProbeResults results;
    private final HttpClient http;
    private final Duration timeout;
    private final TimeSource time;
    private final boolean enabled;

    DependencyChecks(HealthConfig config, CacheConfig cache, Vertx vertx, AgroalDataSource db,
            Instance<ReactiveRedisDataSource> redis, TimeSource time) {
        this.timeout = config.timeout();
        this.time = time;
        this.enabled = !isOff(config.interval());
        // one connection per check (no keep-alive): each check proves a new connection is accepted
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
                .setConnectTimeout((int) timeout.toMillis()));
        new TreeMap<>(config.targets()).forEach((component, url) -> probes.add(new HttpProbe(component, url, http, timeout)));
        probes.add(new DatabaseProbe(db, timeout));
        if (cache.redis().enabled()) {
            probes.add(new RedisProbe(redis.get())); // looked up only when enabled: otherwise no client exists
        }
        this.results = new ProbeResults(probes.stream().map(Probe::component).toList(), config.maxAge());
        LOG.infof("Health checks %s: %s", enabled ? "every " + config.interval() : "off (backend.health.interval=off)",
                probes);
    }

    /** Whether checks run at all ({@code backend.health.interval} is not {@code off}). */
    public boolean enabled() {
        return enabled;
    }

    /** Every checked component as its latest check found it (a result past {@code max-age} reads as down). */
    public Map<String, ComponentHealth> components() {
        return results.view(time.nanoTime());
    }

    /** The components whose latest check failed, with why; empty when all are up or unknown. */
    public Map<String, String> failed() {
        Map<String, String> failed = new LinkedHashMap<>();
        components().forEach((c, h) -> {
            if (h.down()) {
                failed.put(c, h.detail());
            }
        });
        return failed;
    }

    /** One round: every probe at once; returns when all have answered or timed out. */
    @Scheduled(identity = "dependency-checks", every = "${backend.health.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkAll() {
        List<Uni<Void>> round = probes.stream().map(this::check).toList();
        Uni.join().all(round).andFailFast().await().atMost(timeout.plusSeconds(2));
    }

    private Uni<Void> check(Probe probe) {
        long started = time.nanoTime();
        return Uni.createFrom().deferred(probe::run)
                .ifNoItem().after(timeout).failWith(() -> new TimeoutException("no answer within " + timeout.toMillis() + " ms"))
                .map(ok -> outcome(true, null, started))
                .onFailure().recoverWithItem(e -> outcome(false, e, started))
                .invoke(outcome -> logChange(probe.component(), results.record(probe.component(), outcome), outcome))
                .replaceWithVoid();
    }

    private ProbeResults.Outcome outcome(boolean up, Throwable failure, long started) {
        long now = time.nanoTime();
        long ms = (now - started) / 1_000_000;
        String detail = up ? "answered in " + ms + " ms"
                : failure instanceof ProbeFailedException ? failure.getMessage() : Failures.summary(failure);
        return new ProbeResults.Outcome(up, detail, ms, Instant.now(), now, failure instanceof TimeoutException);
    }

    private static void logChange(String component, ProbeResults.Change change, ProbeResults.Outcome now) {
        if (change.isDown() && !change.wasDown()) {
            LOG.warnf("\u2717 Health check of %s failed: %s", component, now.detail());
        } else if (!change.isDown() && change.wasDown()) {
            LOG.infof("\u2713 Health check of %s passes again (%s)", component, now.detail());
        }
    }

    private static boolean isOff(String interval) {
        return interval.equalsIgnoreCase("off") || interval.equalsIgnoreCase("disabled");
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }
}
