package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The persistent ingestion queue against the real stubs, on the default database (H2). */
@QuarkusTest
class DurableJobsTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void heal() {
        Stubs.heal("chroma-stub");
        Stubs.heal("git-stub");
        breakers.resetAll();
    }

    @Test
    void ingests200DocumentsWhileChromaFlapsAndIndexesEachExactlyOnce() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"flaky\",\"probability\":0.3,\"path\":\"/add_chunks\"}");
        Map<String, String> jobToProject = new LinkedHashMap<>();
        for (int j = 0; j < 20; j++) {
            String project = Backend.freshProject();
            Map<String, String> docs = new LinkedHashMap<>();
            for (int d = 0; d < 10; d++) {
                docs.put("doc-" + d, "document " + d + " of job " + j + " about flapping vector stores");
            }
            jobToProject.put(Backend.submit("alice", project, docs), project);
        }
        List<String> failed = new ArrayList<>();
        jobToProject.forEach((job, project) -> {
            String state = Backend.awaitJob("alice", job).extract().path("state");
            if (!state.equals("succeeded")) {
                failed.add(job);
            }
        });
        assertEquals(List.of(), failed, "every job succeeds despite the flapping");
        jobToProject.forEach((job, project) -> {
            Backend.job("alice", job).body("indexed", equalTo(10));
            List<String> ids = Stubs.get("chroma-stub", "/collections/project_alice__" + project).statusCode(200)
                    .body("count", equalTo(10)).extract().jsonPath().getList("ids");
            assertEquals(10, ids.stream().distinct().count(), "each document indexed exactly once");
        });
    }

    @Test
    void aRetryTheOpenBreakerRefusesPostponesTheJobWithoutSpendingAnAttempt() {
        // chroma's breaker opens after 5 failed calls in a row. The job's first run spends its 3 tries on
        // failures; in its second run the 5th failure opens the breaker and the third try is refused by it:
        // that run is the breaker's doing, not chroma's, so it must not count as one of the job's attempts.
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"path\":\"/add_chunks\",\"times\":5}");
        String job = Backend.submit("alice", Backend.freshProject(), Map.of("patient", "indexed once the breaker closes"));

        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("indexed", equalTo(1))
                .body("attempts", equalTo(2));
    }

    @Test
    void aGitSnapshotWhoseAnswerWasLostIsSentAgainWithTheJobIdAsItsKeyAndRecordedOnce() {
        // git records the snapshot, then resets the connection instead of answering: the retry must not record a second
        Stubs.chaos("git-stub", "{\"mode\":\"reset\",\"phase\":\"response\",\"times\":1,\"path\":\"/snapshot\"}");
        String project = Backend.freshProject();

        String job = Backend.submit("alice", project, Map.of("lost", "its snapshot answer is lost once"));

        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("git_failed", equalTo(false));
        Stubs.get("git-stub", "/history/alice__" + project).statusCode(200).body("snapshots.size()", equalTo(1))
                .body("snapshots[0].idempotency_key", equalTo(job));
    }

    @Test
    void retriesAFailedJobWithBackoffUntilChromaComesBack() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"path\":\"/add_chunks\",\"times\":3}");
        String job = Backend.submit("alice", Backend.freshProject(), Map.of("late", "indexed after the outage"));
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("indexed", equalTo(1))
                .body("attempts", org.hamcrest.Matchers.greaterThan(1));
    }

    @Test
    void aNewerSubmissionOfADocumentWinsOverTheOlderJobsRetry() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"path\":\"/add_chunks\"}");
        String project = Backend.freshProject();
        String older = Backend.submit("alice", project, Map.of("policy", "the first draft of the travel policy"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "retrying".equals(Backend.job("alice", older).extract().path("state")));
        String newer = Backend.submit("alice", project, Map.of("policy", "the approved travel policy"));

        Stubs.heal("chroma-stub");
        breakers.resetAll();

        Backend.awaitJob("alice", newer).body("state", equalTo("succeeded")).body("superseded.size()", equalTo(0));
        Backend.awaitJob("alice", older).body("state", equalTo("succeeded"))
                .body("superseded", equalTo(List.of("policy")));
        Stubs.post("chroma-stub", "/query", "{\"collection_name\":\"project_alice__" + project
                + "\",\"query_texts\":[\"travel policy\"]}").statusCode(200)
                .body("documents.size()", equalTo(1)).body("documents[0].text", equalTo("the approved travel policy"));
    }

    @Test
    void higherPriorityJobsRunFirst() {
        // hold the workers: chroma is slow, so queued jobs wait their turn
        Stubs.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":300,\"path\":\"/add_chunks\"}");
        List<String> low = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            low.add(Backend.submit("alice", Backend.freshProject(), Map.of("low" + i, "low priority")));
        }
        String urgent = Backend.post("alice", "/v1/api/projects/" + Backend.freshProject() + "/documents",
                Map.of("documents", List.of(Map.of("id", "urgent", "filename", "u.md", "content", "urgent")),
                        "priority", 9)).statusCode(202).extract().path("job_id");
        String urgentFinished = Backend.awaitJob("alice", urgent).extract().path("finished_at");
        String lastLowFinished = Backend.awaitJob("alice", low.get(low.size() - 1)).extract().path("finished_at");
        org.junit.jupiter.api.Assertions.assertTrue(urgentFinished.compareTo(lastLowFinished) < 0,
                "the priority 9 job finished before the last priority 5 job submitted before it");
    }
}
