package dev.resilient.backend.it;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The backend killed with SIGKILL in the middle of ingestion loses no job and duplicates no chunk. */
class BackendCrashIT {

    @Test
    void backendKilledMidIngestionCompletesEveryJobAfterRestartWithoutDuplicateChunks() {
        try (LocalSuite suite = new LocalSuite()) {
            suite.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":150,\"path\":\"/add_chunks\"}");
            String db = "jdbc:h2:file:" + java.nio.file.Path.of("target", "it-h2-" + System.nanoTime(), "jobs").toAbsolutePath()
                    + ";DB_CLOSE_ON_EXIT=FALSE";
            ServiceProcess backend = suite.backend("quarkus-app", Map.of("quarkus.datasource.jdbc.url", db));
            backend.start();
            String token = suite.token("alice");
            List<String> jobs = new ArrayList<>();
            List<String> projects = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String project = "crash-" + i;
                projects.add(project);
                jobs.add(LocalSuite.submit(backend, token, project, 5));
            }
            // kill while some jobs are half done
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jobs.stream()
                    .anyMatch(j -> {
                        Integer indexed = LocalSuite.job(backend, token, j).extract().path("indexed");
                        return indexed != null && indexed > 0 && indexed < 5;
                    }));
            backend.kill();
            backend.start();
            LocalSuite.awaitAll(backend, token, jobs, Duration.ofSeconds(90));

            int rerun = 0;
            for (String j : jobs) {
                int attempts = LocalSuite.job(backend, token, j).body("indexed", equalTo(5)).extract().path("attempts");
                rerun += attempts > 1 ? 1 : 0;
            }
            assertTrue(rerun > 0, "at least the interrupted job ran again after the restart");
            for (String project : projects) {
                List<String> ids = suite.stub("chroma-stub", "/collections/project_alice__" + project).statusCode(200)
                        .body("count", equalTo(5)).extract().jsonPath().getList("ids");
                assertEquals(5, ids.stream().distinct().count());
            }
            backend.stop();
        }
    }
}
