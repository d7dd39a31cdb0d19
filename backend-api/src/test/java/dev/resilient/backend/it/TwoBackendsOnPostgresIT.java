package dev.resilient.backend.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two backend processes built for PostgreSQL share one database (127.0.0.1:5432, database
 * {@code test}, a schema of their own) and run each job exactly once.
 */
class TwoBackendsOnPostgresIT {

    @Test
    void twoBackendsOnOnePostgresProcessEachJobExactlyOnce() {
        String schema = "it_jobs_" + System.currentTimeMillis();
        Map<String, String> pg = Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema,
                "quarkus.datasource.username", "postgres",
                "quarkus.flyway.schemas", schema);
        try (LocalSuite suite = new LocalSuite()) {
            suite.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":20,\"path\":\"/add_chunks\"}");
            ServiceProcess a = suite.backend("postgresql", pg);
            ServiceProcess b = suite.backend("postgresql", pg);
            a.start();
            b.start();
            try {
                String token = suite.token("alice");
                long addsBefore = addChunkCalls(suite);
                List<String> jobs = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    jobs.add(LocalSuite.submit(i % 2 == 0 ? a : b, token, "pg-" + i, 2));
                }
                LocalSuite.awaitAll(a, token, jobs, Duration.ofSeconds(90));
                Set<String> workers = new HashSet<>();
                for (int i = 0; i < jobs.size(); i++) {
                    workers.add(LocalSuite.job(b, token, jobs.get(i)).body("attempts", equalTo(1))
                            .extract().path("processed_by"));
                    suite.stub("git-stub", "/history/alice__pg-" + i).statusCode(200).body("snapshots.size()", equalTo(1));
                }
                assertEquals(80, addChunkCalls(suite) - addsBefore, "each document indexed by exactly one process");
                assertTrue(workers.size() >= 2, "both processes took jobs: " + workers);
            } finally {
                a.stop();
                b.stop();
            }
        }
    }

    private static long addChunkCalls(LocalSuite suite) {
        Map<String, Integer> byPath = suite.stub("chroma-stub", "/_chaos").extract().jsonPath().getMap("by_path");
        return byPath.getOrDefault("/add_chunks", 0);
    }
}
