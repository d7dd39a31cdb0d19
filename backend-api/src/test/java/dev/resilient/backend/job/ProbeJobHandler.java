package dev.resilient.backend.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A job type of the tests' own ({@code probe}, on queue {@code probe}: one worker in the test profile), a real
 * handler run by the real runner: its payload {@code {"key", "retries", "hold"}} says how many runs answer
 * retry before one answers done, and whether a run waits for {@link #release} first. It records when each
 * key ran, in order.
 */
@ApplicationScoped
public class ProbeJobHandler implements JobHandler {

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Map<String, List<Instant>> runs = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "probe";
    }

    @Override
    public String queue() {
        return "probe";
    }

    @Override
    public JobResult handle(JobRun run) {
        JsonNode p;
        try {
            p = json.readTree(run.job().payload());
        } catch (Exception e) {
            return JobResult.failed("bad probe payload");
        }
        String key = p.path("key").asText();
        order.add(key);
        List<Instant> times = runs.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        times.add(Instant.now());
        started.computeIfAbsent(key, k -> new CountDownLatch(1)).countDown();
        if (p.path("hold").asBoolean()) {
            try {
                if (!holds.computeIfAbsent(key, k -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS)) {
                    return JobResult.failed("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return JobResult.retry("interrupted");
            }
        }
        return times.size() <= p.path("retries").asInt() ? JobResult.retry("probe " + key + " not ready, run " + times.size())
                : JobResult.done();
    }

    /** Lets a held run of {@code key} finish. */
    void release(String key) {
        holds.computeIfAbsent(key, k -> new CountDownLatch(1)).countDown();
    }

    /** Waits until a run of {@code key} has started; false after 30 s. */
    boolean awaitStart(String key) throws InterruptedException {
        return started.computeIfAbsent(key, k -> new CountDownLatch(1)).await(30, TimeUnit.SECONDS);
    }

    /** The keys in the order their runs started. */
    List<String> order() {
        return List.copyOf(order);
    }

    /** When each run of {@code key} started. */
    List<Instant> runsOf(String key) {
        return List.copyOf(runs.getOrDefault(key, List.of()));
    }
}
