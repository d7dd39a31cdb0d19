package dev.resilient.stubkit.chaos;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fault injection as Micrometer meters, published at {@code /q/metrics} by every stub:
 * <ul>
 * <li>{@code stub.requests} (counter, tag {@code path}): requests that reached the stub's own endpoints;</li>
 * <li>{@code stub.faulted} (counter, tags {@code path}, {@code mode}): those an injected fault answered;</li>
 * <li>{@code stub.fault.active} (gauge, tag {@code mode}): 1 for the fault in force now, 0 for the others.</li>
 * </ul>
 * The {@code path} tag is the first path segment ({@code /query}, {@code /projects}), and at most
 * {@link #MAX_PATH_TAGS} distinct ones: the rest count under {@link #OTHER_PATH}, so a client
 * calling random paths cannot blow up the number of series. Unlike {@code GET /_chaos}, these
 * counters are never reset ({@code DELETE /_chaos/counters} leaves them alone), as Prometheus expects.
 */
@Startup
@ApplicationScoped
public class ChaosMetrics {

    static final int MAX_PATH_TAGS = 20;
    static final String OTHER_PATH = "/other";

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Counter> faulted = new ConcurrentHashMap<>();

    ChaosMetrics(MeterRegistry registry, ChaosState state) {
        this.registry = registry;
        for (FaultMode mode : FaultMode.values()) {
            if (mode != FaultMode.OK) {
                Gauge.builder("stub.fault.active", state, s -> s.current().spec().mode() == mode ? 1 : 0)
                        .description("1 while this fault mode is injected, 0 otherwise")
                        .tag("mode", mode.wire()).strongReference(true).register(registry);
            }
        }
    }

    /** Counts a request that reached the stub (everything but the chaos API and {@code /q}). */
    void request(String path) {
        String tag = pathTag(path, requests);
        requests.computeIfAbsent(tag, t -> Counter.builder("stub.requests")
                .description("Requests that reached the stub's endpoints").tag("path", t).register(registry))
                .increment();
    }

    /** Counts a request answered by the injected fault instead of the endpoint. */
    void faulted(String path, FaultMode mode) {
        String tag = pathTag(path, requests);
        faulted.computeIfAbsent(tag + " " + mode.wire(), k -> Counter.builder("stub.faulted")
                .description("Requests an injected fault answered (or delayed, for slow)")
                .tag("path", tag).tag("mode", mode.wire()).register(registry))
                .increment();
    }

    /** First path segment, e.g. {@code /projects/a/search} to {@code /projects}; bounded in number. */
    static String pathTag(String path, Map<String, ?> known) {
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path : path.substring(0, end);
        if (first.isEmpty()) {
            first = "/";
        }
        return known.containsKey(first) || known.size() < MAX_PATH_TAGS ? first : OTHER_PATH;
    }
}
