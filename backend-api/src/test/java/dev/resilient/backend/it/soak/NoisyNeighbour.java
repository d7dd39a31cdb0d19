package dev.resilient.backend.it.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One user who runs every attack of issue 17 in a loop, each answered for her alone: chats with a
 * deadline (450 ms) shorter than the LLM takes, one submission to an ever-new project (until her
 * project quota answers 403), large documents (up to the 100,000-character limit, and one past it)
 * until her storage quota answers 413, distinct searches with {@code n_results} 50, unique chats past
 * her per-user LLM limit (429), and bursts of concurrent requests past her in-flight limit (429).
 * Her answers go to her own {@link SoakStats}; what the other users see is measured apart.
 */
public final class NoisyNeighbour {

    /** Requests of one burst: above the backend's per-user in-flight limit (32 by default). */
    static final int BURST = 48;
    /** One document under the vector store's one-chunk limit of 100,000 characters. */
    static final int LARGE = 99_000;

    private final BackendCalls backend;
    private final SoakStats stats;
    private final Random random;
    private final ExecutorService burst = Executors.newFixedThreadPool(BURST);
    private final Thread thread = new Thread(this::loop, "soak-attacker");
    private volatile boolean running = true;
    private int projects;
    private int round;
    private boolean projectQuotaReached;

    public NoisyNeighbour(BackendCalls backend, SoakStats stats, long seed) {
        this.backend = backend;
        this.stats = stats;
        this.random = new Random(seed ^ 0x5eed);
    }

    public void start() {
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.join(120_000);
        burst.shutdownNow();
        burst.awaitTermination(30, TimeUnit.SECONDS);
    }

    private void loop() {
        while (running) {
            round++;
            attack("short deadline chat", () -> backend.chat("hurry " + round + " " + Words.sentence(random) + "?", "carol-0", 450));
            if (!projectQuotaReached) {
                BackendCalls.Outcome o = attack("new project", () -> backend.ingest("carol-p" + (++projects),
                        List.of(doc("p" + projects, "small " + Words.sentence(random))), null));
                projectQuotaReached = o.status() == 403;
            }
            attack("large documents", () -> backend.ingest("carol-big-" + (round % 5), List.of(
                    doc("big-" + round + "-a", large(LARGE)), doc("big-" + round + "-b", large(LARGE))), null));
            if (round % 5 == 0) {
                attack("document past 100,000 characters", () -> backend.ingest("carol-big-0",
                        List.of(doc("huge-" + round, large(100_001))), null));
            }
            for (int i = 0; i < 3; i++) {
                int n = i;
                attack("distinct search, n_results 50", () -> backend.search("wide " + round + "-" + n + " " + Words.sentence(random),
                        "carol-big-" + (round % 5), 50));
            }
            for (int i = 0; i < 6; i++) {
                int n = i;
                attack("unique chat", () -> backend.chat("unique " + round + "-" + n + " " + Words.sentence(random) + "?", "carol-0"));
            }
            if (round % 3 == 0) {
                burst();
            }
        }
    }

    private void burst() {
        List<CompletableFuture<BackendCalls.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            int n = i;
            calls.add(CompletableFuture.supplyAsync(() -> backend.search("burst " + round + "-" + n, "carol-0"), burst));
        }
        calls.forEach(c -> {
            BackendCalls.Outcome o = c.join();
            stats.count("attacks", "burst of " + BURST + " searches: " + label(o));
        });
    }

    private BackendCalls.Outcome attack(String what, java.util.function.Supplier<BackendCalls.Outcome> call) {
        BackendCalls.Outcome o = call.get();
        stats.count("attacks", what + ": " + label(o));
        return o;
    }

    private static String label(BackendCalls.Outcome o) {
        return o.answered() ? String.valueOf(o.status()) : "no answer";
    }

    private static Map<String, String> doc(String id, String content) {
        return Map.of("id", id, "filename", id + ".md", "content", content);
    }

    private String large(int chars) {
        StringBuilder s = new StringBuilder(chars + 16);
        while (s.length() < chars) {
            s.append(Words.sentence(random)).append(". ");
        }
        s.setLength(chars);
        return s.toString();
    }
}
