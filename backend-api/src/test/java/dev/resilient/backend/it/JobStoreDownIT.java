package dev.resilient.backend.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import dev.resilient.backend.support.TcpProxy;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The job store's bad days on the PostgreSQL build, its connection cut by a proxy: a submission and a
 * job read answer 503 JSON within their budgets (3 s and 2 s) while the database is down, and work
 * again once it is back; a NUL character is a 400, as on H2.
 */
class JobStoreDownIT {

    @Test
    void theDatabaseDownIsA503WithinTheBudgetAndTheBackendRecoversWhenItReturns() {
        String schema = "it_down_" + System.currentTimeMillis();
        try (LocalSuite suite = new LocalSuite(); TcpProxy db = new TcpProxy("127.0.0.1", 5432)) {
            ServiceProcess backend = suite.backend("postgresql", Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + db.port() + "/test?currentSchema=" + schema,
                    "quarkus.datasource.username", "postgres",
                    "quarkus.flyway.schemas", schema));
            backend.start();
            try {
                String token = suite.token("alice");
                String before = LocalSuite.submit(backend, token, "down-before", 1);
                LocalSuite.awaitAll(backend, token, List.of(before), Duration.ofSeconds(30));
                submit(backend, token, "{\"documents\":[{\"id\":\"n\",\"filename\":\"n.md\",\"content\":\"a\\u0000b\"}]}")
                        .then().statusCode(400).body("error", containsString("NUL"));

                db.cut();
                long start = System.nanoTime();
                submit(backend, token, "{\"documents\":[{\"id\":\"d\",\"filename\":\"d.md\",\"content\":\"text\"}]}")
                        .then().statusCode(503).header("Retry-After", notNullValue())
                        .body("error", containsString("job store is unavailable"));
                long submitMs = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                LocalSuite.job(backend, token, before).statusCode(503);
                long readMs = (System.nanoTime() - start) / 1_000_000;
                // the contract is the budget: 3 s for a submission, 2 s for a job read
                assertTrue(submitMs < 3000, "the submission answered within its 3 s budget, took " + submitMs + " ms");
                assertTrue(readMs < 2000, "the job read answered within its 2 s budget, took " + readMs + " ms");

                db.restore();
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                        .until(() -> LocalSuite.job(backend, token, before).extract().statusCode() == 200);
                LocalSuite.job(backend, token, before).body("state", equalTo("succeeded"));
                String after = LocalSuite.submit(backend, token, "down-after", 1);
                LocalSuite.awaitAll(backend, token, List.of(after), Duration.ofSeconds(30));
            } finally {
                backend.stop();
            }
        }
    }

    private static Response submit(ServiceProcess backend, String token, String body) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(body).post("/v1/api/projects/down-during/documents");
    }
}
