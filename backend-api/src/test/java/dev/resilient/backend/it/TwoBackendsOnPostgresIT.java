package dev.resilient.backend.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two backend processes built for PostgreSQL share one database (127.0.0.1:5432, database
 * {@code test}, a schema of their own per test): they run each job exactly once, and an operator's
 * operation-mode override set on one holds on the other, across a restart, and while the database
 * cannot be read.
 */
class TwoBackendsOnPostgresIT {

    private static final String MODE = "/v1/api/admin/operation-mode";

    @Test
    void twoBackendsOnOnePostgresProcessEachJobExactlyOnce() {
        try (LocalSuite suite = new LocalSuite(); TwoBackends two = TwoBackends.start(suite, "it_jobs_")) {
            suite.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":20,\"path\":\"/add_chunks\"}");
            ServiceProcess a = two.a();
            ServiceProcess b = two.b();
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
        }
    }

    @Test
    void maintenanceSetOnOneBackendStopsIngestionOnTheOtherAndOutlivesARestart() throws SQLException {
        try (LocalSuite suite = new LocalSuite(); TwoBackends two = TwoBackends.start(suite, "it_mode_")) {
            ServiceProcess a = two.a();
            ServiceProcess b = two.b();
            String admin = suite.token("admin");
            String alice = suite.token("alice");
            LocalSuite.submit(b, alice, "mode-before", 1);
            as(a, admin).body(Map.of("mode", "MAINTENANCE", "reason", "moving the vector store")).put(MODE).then()
                    .statusCode(200).body("mode", equalTo("MAINTENANCE"));
            // every replica reloads the override once a second
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ingest(b, alice, "mode-during").extract().statusCode() == 503);
            ingest(b, alice, "mode-during").body("error", containsString("MAINTENANCE"));
            as(b, admin).get(MODE).then().statusCode(200).body("mode", equalTo("MAINTENANCE"))
                    .body("source", equalTo("override")).body("reason", containsString("moving the vector store"));

            b.stop();
            b.start(); // a restarted process starts in the override, before its first refresh
            ingest(b, alice, "mode-restarted").statusCode(503).body("error", containsString("MAINTENANCE"));

            // the table unreachable (renamed away): changing the mode is a 503, every replica keeps the one it knew
            try (Connection db = DriverManager.getConnection(two.jdbcUrl(), "postgres", "");
                    Statement sql = db.createStatement()) {
                sql.execute("ALTER TABLE operation_mode_override RENAME TO operation_mode_override_away");
                try {
                    as(a, admin).delete(MODE).then().statusCode(503).body("error", containsString("job database is unavailable"));
                    Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                            .until(() -> ingest(b, alice, "mode-db-down").extract().statusCode() == 503);
                } finally {
                    sql.execute("ALTER TABLE operation_mode_override_away RENAME TO operation_mode_override");
                }
            }

            as(b, admin).delete(MODE).then().statusCode(200).body("source", equalTo("automatic"));
            Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ingest(a, alice, "mode-after").extract().statusCode() == 202);
        }
    }

    /** Two started backend processes on one schema (at {@code jdbcUrl}), new for each test; closing stops both. */
    private record TwoBackends(ServiceProcess a, ServiceProcess b, String jdbcUrl) implements AutoCloseable {

        static TwoBackends start(LocalSuite suite, String schemaPrefix) {
            LocalSuite.PostgresSchema pg = LocalSuite.freshPostgres(schemaPrefix);
            TwoBackends two = new TwoBackends(suite.backend("postgresql", pg.backendProperties()),
                    suite.backend("postgresql", pg.backendProperties()), pg.jdbcUrl());
            try {
                two.a.start();
                two.b.start();
            } catch (RuntimeException e) {
                two.close();
                throw e;
            }
            return two;
        }

        @Override
        public void close() {
            a.stop();
            b.stop();
        }
    }

    private static RequestSpecification as(ServiceProcess backend, String token) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    private static ValidatableResponse ingest(ServiceProcess backend, String token, String project) {
        return as(backend, token).body(Map.of("documents", List.of(Map.of("id", "d", "filename", "d.md", "content", "words"))))
                .post("/v1/api/projects/" + project + "/documents").then();
    }

    private static long addChunkCalls(LocalSuite suite) {
        Map<String, Integer> byPath = suite.stub("chroma-stub", "/_chaos").extract().jsonPath().getMap("by_path");
        return byPath.getOrDefault("/add_chunks", 0);
    }
}
