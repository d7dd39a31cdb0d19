package dev.resilient.backend.it.soak;

import dev.resilient.backend.support.ServiceProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The soak's chaos, from one seeded {@link Random}: every second or two a short fault (2 to 6 s)
 * on a stub, drawn from a shuffled deck of every (stub, mode) pair so each mode hits each stub;
 * now and then a stub process killed (SIGKILL or SIGTERM) and started again on its port a few
 * seconds later; every 15 to 30 s the backend killed with SIGKILL and restarted. With several
 * backends the kills take them in turn (A, B, A, ...), each about as often as a single one is, and
 * never two at once: the next is killed only once the last one killed is running and ready again.
 */
public final class ChaosMonkey {

    static final List<String> MODES = List.of("error", "slow", "hang", "reset", "flaky");

    private final Random random;
    private final Map<String, ServiceProcess> faultable;
    private final Map<String, ServiceProcess> killable;
    private final SoakBackends backends;
    private final ChaosApi chaos;
    private final SoakStats stats;
    private final ExecutorService restarts = Executors.newCachedThreadPool();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final List<String[]> deck = new ArrayList<>();
    private final Thread thread = new Thread(this::loop, "soak-chaos");
    private volatile boolean running = true;
    private int backendKills;

    /**
     * @param faultable stubs that get faults through {@code /_chaos}, by name
     * @param killable  stubs whose process may be killed and restarted (their state survives or does not matter)
     * @param backends  the backend processes, killed in turn
     */
    public ChaosMonkey(long seed, Map<String, ServiceProcess> faultable, Map<String, ServiceProcess> killable,
            SoakBackends backends, ChaosApi chaos, SoakStats stats) {
        this.random = new Random(seed);
        this.faultable = faultable;
        this.killable = killable;
        this.backends = backends;
        this.chaos = chaos;
        this.stats = stats;
    }

    public void start() {
        thread.start();
    }

    /** Stops the chaos and waits until every killed process is running again. */
    public void stopAndAwaitRestarts() throws InterruptedException {
        running = false;
        thread.join(30_000);
        restarts.shutdown();
        if (!restarts.awaitTermination(120, TimeUnit.SECONDS)) {
            stats.violation("a killed process was not running again within 120 s");
        }
    }

    private void loop() {
        long nextBackendKill = System.nanoTime() + backendInterval();
        while (running) {
            sleep(1200 + random.nextInt(1200));
            if (!running) {
                return;
            }
            if (System.nanoTime() >= nextBackendKill && !backends.anyDown()) {
                killBackend();
                nextBackendKill = System.nanoTime() + backendInterval();
            } else if (random.nextInt(100) < 15) {
                killStub();
            } else {
                fault();
            }
        }
    }

    private void fault() {
        if (deck.isEmpty()) {
            faultable.keySet().forEach(s -> MODES.forEach(m -> deck.add(new String[] {s, m})));
            Collections.shuffle(deck, random);
        }
        String[] next = deck.remove(deck.size() - 1);
        String stub = next[0];
        String mode = next[1];
        double duration = 2 + random.nextInt(41) / 10.0;
        String json = switch (mode) {
            case "error" -> "{\"mode\":\"error\",\"status\":" + errorStatus() + ",\"duration_s\":" + duration + "}";
            case "slow" -> "{\"mode\":\"slow\",\"latency_ms\":" + (300 + random.nextInt(2200)) + ",\"jitter_ms\":500,\"duration_s\":" + duration + "}";
            case "hang" -> "{\"mode\":\"hang\",\"duration_s\":" + duration + "}";
            case "reset" -> random.nextBoolean() ? "{\"mode\":\"reset\",\"duration_s\":" + duration + "}"
                    : "{\"mode\":\"reset\",\"phase\":\"response\",\"duration_s\":" + duration + "}";
            default -> "{\"mode\":\"flaky\",\"probability\":" + (3 + random.nextInt(5)) / 10.0 + ",\"status\":" + errorStatus()
                    + ",\"duration_s\":" + duration + "}";
        };
        if (!down.contains(stub) && chaos.put(faultable.get(stub).url(), json)) {
            stats.count("faults injected", mode + (json.contains("response") ? " (phase response)" : ""));
            stats.count("faults by stub", stub + " " + mode);
        } else {
            stats.count("faults injected", "not applied: stub down");
        }
    }

    private int errorStatus() {
        return List.of(500, 502, 503, 504).get(random.nextInt(4));
    }

    private void killStub() {
        List<String> names = new ArrayList<>(killable.keySet());
        String name = names.get(random.nextInt(names.size()));
        if (!down.add(name)) {
            return;
        }
        ServiceProcess p = killable.get(name);
        boolean sigkill = random.nextBoolean();
        long downFor = 1000 + random.nextInt(3000);
        if (sigkill) {
            p.kill();
        } else {
            p.stop();
        }
        stats.count("kills", name + (sigkill ? " (SIGKILL)" : " (SIGTERM)"));
        restarts.submit(() -> {
            sleep(downFor);
            restart(name, p::start);
        });
    }

    /** 15 to 30 s for one backend; shared out among several, so each is killed about as often as a single one. */
    private long backendInterval() {
        return seconds(15 + random.nextInt(16)) / backends.size();
    }

    private void killBackend() {
        SoakBackends.Backend b = backends.all().get(backendKills++ % backends.size());
        long downFor = 200 + random.nextInt(1500);
        backends.kill(b);
        stats.count("kills", b.name() + " (SIGKILL)");
        restarts.submit(() -> {
            sleep(downFor);
            restart(b.name(), () -> backends.restart(b));
        });
    }

    private void restart(String name, Runnable start) {
        try {
            start.run();
            stats.count("restarts", name);
        } catch (RuntimeException e) {
            stats.violation(name + " did not start again: " + e.getMessage());
        } finally {
            down.remove(name);
        }
    }

    private static long seconds(int s) {
        return TimeUnit.SECONDS.toNanos(s);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
