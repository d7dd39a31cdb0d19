package dev.resilient.backend.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache's Redis level: backend processes (the packaged jar) sharing the real Redis at
 * 127.0.0.1:6379, and backends whose Redis is gone or never answers. Keys of this run carry their
 * own prefix, so runs never see each other's entries.
 */
class SharedCacheIT {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final String KEY_PREFIX = "it-" + System.currentTimeMillis();
    private static final String QUERY = "document 0";
    private static final AtomicInteger PROJECTS = new AtomicInteger();

    private static LocalSuite suite;
    private static String token;
    private final List<ServiceProcess> backends = new ArrayList<>();

    @BeforeAll
    static void startStubs() {
        suite = new LocalSuite();
        token = suite.token("alice");
    }

    @AfterAll
    static void stopStubs() {
        suite.close();
    }

    @BeforeEach
    void healthyStubs() {
        suite.heal("chroma-stub");
        suite.heal("filesystem-stub");
    }

    @AfterEach
    void stopBackends() {
        backends.forEach(ServiceProcess::stop);
    }

    @Test
    void searchCachedThroughOneBackendIsServedByAnotherFromRedisWhileChromaAndFilesystemFail() {
        ServiceProcess a = backend(REDIS);
        ServiceProcess b = backend(REDIS);
        String project = projectWithOneDocument(a);

        LocalSuite.search(a, token, project, QUERY).statusCode(200)
                .body("source", equalTo("vector")).body("results[0].id", equalTo("doc-0"));
        long ttl = Long.parseLong(redis("TTL", searchKey(project)).substring(1));
        assertTrue(ttl > 0 && ttl <= 600, "stored with the search TTL (10 min), was " + ttl);

        breakSearchSources();
        LocalSuite.search(b, token, project, QUERY).statusCode(200)
                .body("source", equalTo("cache")).body("degraded", equalTo(true))
                .body("results[0].id", equalTo("doc-0"));
    }

    @Test
    void newIngestionJobDropsTheProjectsCachedSearchesForEveryBackend() {
        ServiceProcess a = backend(REDIS);
        ServiceProcess b = backend(REDIS);
        String project = projectWithOneDocument(a);
        LocalSuite.search(a, token, project, QUERY).statusCode(200).body("source", equalTo("vector"));
        assertEquals(":1", redis("EXISTS", searchKey(project)));

        LocalSuite.awaitAll(a, token, List.of(LocalSuite.submit(a, token, project, 2)), Duration.ofSeconds(60));

        assertEquals(":0", redis("EXISTS", searchKey(project)));
        breakSearchSources();
        LocalSuite.search(b, token, project, QUERY).statusCode(503);
    }

    @Test
    void backendWithRedisUnreachableStillSearchesChatsAndReportsStatusFromTheOtherLevels() {
        ServiceProcess c = backend("redis://127.0.0.1:1");
        String project = projectWithOneDocument(c);

        for (int i = 0; i < 5; i++) { // each stores its result: enough Redis failures to open the breaker
            LocalSuite.search(c, token, project, QUERY).statusCode(200).body("source", equalTo("vector"));
        }
        LocalSuite.chat(c, token, project, "What is document 0?").statusCode(200);
        LocalSuite.status(c, token).statusCode(200);
        breakSearchSources();
        LocalSuite.search(c, token, project, QUERY).statusCode(200).body("source", equalTo("cache"));
        LocalSuite.search(c, token, project, QUERY).statusCode(200).body("source", equalTo("cache"));

        String log = LocalSuite.log("backend-api", c);
        assertEquals(1, occurrences(log, "Cache level redis failed"), "Redis failing is logged once, not per call");
        assertEquals(1, occurrences(log, "[Redis] \u2717 Circuit breaker OPEN"), "the breaker opened once");
    }

    @Test
    void redisThatNeverAnswersCostsASearchNoMoreThanTheRedisTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts connections, never answers
            ServiceProcess c = backend("redis://127.0.0.1:" + silent.getLocalPort());
            String project = projectWithOneDocument(c);
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                LocalSuite.search(c, token, project, QUERY).statusCode(200).body("source", equalTo("vector"));
                long ms = (System.nanoTime() - started) / 1_000_000;
                assertTrue(ms < 2500, "search took " + ms + " ms with Redis hanging");
            }
            breakSearchSources();
            LocalSuite.search(c, token, project, QUERY).statusCode(200).body("source", equalTo("cache"));
        }
    }

    /** A backend with its own H2 database and Redis as its cache's third level at {@code redisHosts}; retries shortened. */
    private ServiceProcess backend(String redisHosts) {
        ServiceProcess backend = suite.backend("quarkus-app", Map.of(
                "quarkus.datasource.jdbc.url", LocalSuite.freshH2(),
                "backend.cache.redis.enabled", "true",
                "quarkus.redis.hosts", redisHosts,
                "backend.cache.redis.key-prefix", KEY_PREFIX,
                "Retry/delay", "100"));
        backends.add(backend);
        backend.start();
        return backend;
    }

    private static String projectWithOneDocument(ServiceProcess backend) {
        String project = "cache-" + PROJECTS.incrementAndGet();
        LocalSuite.awaitAll(backend, token, List.of(LocalSuite.submit(backend, token, project, 1)), Duration.ofSeconds(60));
        return project;
    }

    private static void breakSearchSources() {
        suite.chaos("chroma-stub", "{\"mode\":\"error\"}");
        suite.chaos("filesystem-stub", "{\"mode\":\"error\"}");
    }

    private static String searchKey(String project) {
        return KEY_PREFIX + ":search:alice__" + project + ":" + QUERY;
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** One command to the real Redis (RESP over a socket); the first line of its reply, e.g. {@code :1}. */
    private static String redis(String... args) {
        StringBuilder command = new StringBuilder("*").append(args.length).append("\r\n");
        for (String arg : args) {
            command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(arg).append("\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(command.toString().getBytes(StandardCharsets.UTF_8));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at 127.0.0.1:6379 does not answer (.ci/run starts it)", e);
        }
    }
}
