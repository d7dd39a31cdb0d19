package dev.resilient.backend.it.soak;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Breakers that open during a calm phase, seen two ways: SmallRye's counter of openings
 * ({@code ft_circuitbreaker_opened_total} at {@code /q/metrics}, summed over the guarded methods) read
 * before and after, and {@code /v1/api/status/services} read every half second (a breaker seen not
 * {@code closed} after being seen {@code closed}). The calm phases have no chaos and no backend kill, so
 * the counter runs on within one process.
 */
public final class BreakerWatch {

    static final String OPENED = "ft_circuitbreaker_opened_total";

    private final BreakerProbe states;
    private final ChaosApi http;
    private final String backendUrl;
    private final Map<String, AtomicInteger> seenOpening = new ConcurrentHashMap<>();
    private final Map<String, String> last = new ConcurrentHashMap<>();
    private final Thread thread = new Thread(this::loop, "soak-breaker-watch");
    private volatile boolean running = true;
    private double openedBefore;

    /** @param states reads the breaker states (its {@link BreakerProbe#states()}) */
    public BreakerWatch(BreakerProbe states, ChaosApi http, String backendUrl) {
        this.states = states;
        this.http = http;
        this.backendUrl = backendUrl;
    }

    public void start() {
        openedBefore = openedTotal();
        last.putAll(states.states());
        thread.start();
    }

    /**
     * Stops watching.
     *
     * @return openings by breaker as seen in the status, plus {@code "ft_circuitbreaker_opened_total"}: the
     *         counter's increase (-1 when the backend exposes no such counter)
     */
    public Map<String, Integer> stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        Map<String, Integer> openings = new TreeMap<>();
        seenOpening.forEach((k, v) -> openings.put(k, v.get()));
        double after = openedTotal();
        openings.put(OPENED, openedBefore < 0 || after < 0 ? -1 : (int) Math.round(after - openedBefore));
        return openings;
    }

    /**
     * Several backends' {@link #stop()} answers as one: openings seen by breaker (keyed by backend, as
     * {@link SoakBackends#keyed}) and the counters' increases summed under {@link #OPENED} (-1 when any is -1).
     */
    public static Map<String, Integer> merge(SoakBackends backends, Map<SoakBackends.Backend, Map<String, Integer>> stopped) {
        Map<String, Integer> merged = new TreeMap<>();
        int opened = 0;
        for (Map.Entry<SoakBackends.Backend, Map<String, Integer>> e : stopped.entrySet()) {
            for (Map.Entry<String, Integer> o : e.getValue().entrySet()) {
                if (o.getKey().equals(OPENED)) {
                    opened = opened < 0 || o.getValue() < 0 ? -1 : opened + o.getValue();
                } else {
                    merged.put(backends.keyed(e.getKey(), o.getKey()), o.getValue());
                }
            }
        }
        merged.put(OPENED, opened);
        return merged;
    }

    /** The most openings either way of counting: what a check must compare with 0. */
    public static int openings(Map<String, Integer> stopped) {
        int seen = stopped.entrySet().stream().filter(e -> !e.getKey().equals(OPENED)).mapToInt(Map.Entry::getValue).sum();
        return Math.max(seen, stopped.getOrDefault(OPENED, 0));
    }

    private void loop() {
        while (running) {
            states.states().forEach((breaker, state) -> {
                String before = last.put(breaker, state);
                if (!"closed".equals(state) && "closed".equals(before)) {
                    seenOpening.computeIfAbsent(breaker, b -> new AtomicInteger()).incrementAndGet();
                }
            });
            try {
                Thread.sleep(500); // a sampling period, not a wait for a state
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The sum of the counter's series, or -1 when /q/metrics is unreadable or has none. */
    private double openedTotal() {
        try {
            HttpResponse<String> r = http.get(backendUrl, "/q/metrics");
            if (r.statusCode() != 200) {
                return -1;
            }
            double[] sum = {0};
            boolean[] found = {false};
            r.body().lines().filter(l -> l.startsWith(OPENED)).forEach(l -> {
                found[0] = true;
                sum[0] += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            });
            return found[0] ? sum[0] : -1;
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
