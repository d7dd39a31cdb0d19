package dev.resilient.backend.it.soak;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The breakers of every backend: each process keeps its own, so each is read and probed through
 * calls that reach that process alone. Keys as {@link SoakBackends#keyed}: {@code chroma} with one
 * backend, {@code backend A: chroma} with several.
 */
public final class BackendBreakers {

    private final SoakBackends backends;
    private final Map<SoakBackends.Backend, BreakerProbe> probes = new LinkedHashMap<>();

    /** @param probe a probe whose calls go to the one backend of the view it is given ({@link SoakBackends#only}) */
    public BackendBreakers(SoakBackends backends, Function<SoakBackends, BreakerProbe> probe) {
        this.backends = backends;
        backends.all().forEach(b -> probes.put(b, probe.apply(backends.only(b))));
    }

    /** Every backend's breaker states now; a backend whose status call failed has none in the answer. */
    public Map<String, String> states() {
        Map<String, String> all = new TreeMap<>();
        probes.forEach((b, p) -> p.states().forEach((breaker, state) -> all.put(backends.keyed(b, breaker), state)));
        return all;
    }

    /**
     * Probes each backend's breakers until they are all closed or {@code atMost} has passed (for each
     * backend in turn); answers the last states seen.
     */
    public Map<String, String> closeAll(Duration atMost) {
        Map<String, String> all = new TreeMap<>();
        probes.forEach((b, p) -> p.closeAll(atMost).forEach((breaker, state) -> all.put(backends.keyed(b, breaker), state)));
        return all;
    }

    /** Whether every backend answered its breaker states and each is {@code closed}. */
    public boolean allClosed(Map<String, String> states) {
        return backends.all().stream().allMatch(b -> states.keySet().stream()
                .anyMatch(k -> backends.size() == 1 || k.startsWith(b.name() + ": ")))
                && !states.isEmpty() && states.values().stream().allMatch("closed"::equals);
    }
}
