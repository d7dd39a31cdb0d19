package dev.resilient.backend.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-user quotas, lowered here to 3 projects, 2 waiting jobs, 3 documents and 1,000 bytes per project and
 * 1,100 bytes per user (a document weighs id + text + file name + "filename" + 12 per possible embedding bucket), 2 requests in flight per user: a user past theirs is refused with the limit named,
 * bob is not.
 */
@QuarkusTest
@TestProfile(QuotasTest.SmallQuotas.class)
class QuotasTest {

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.quotas.projects-per-user", "3", "backend.quotas.waiting-jobs-per-user", "2",
                    "backend.quotas.documents-per-project", "3", "backend.quotas.bytes-per-project", "1000",
                    "backend.quotas.bytes-per-user", "1100", "backend.quotas.requests-in-flight-per-user", "2",
                    // a database of its own: the other profiles' tests leave projects behind in theirs
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:quotas;DB_CLOSE_DELAY=-1");
        }
    }

    @AfterEach
    void heal() {
        Stubs.startAndHealDownstreams();
    }

    @Test
    void aliceCreatingMoreProjectsThanHerQuotaIsRefusedWhileBobStillCreatesHis() {
        String[] mine = {Backend.freshProject(), Backend.freshProject(), Backend.freshProject()};
        for (String project : mine) {
            Backend.awaitJob("alice", Backend.submit("alice", project, Map.of("d", "words")));
        }
        Backend.ingest("alice", Backend.freshProject(), Map.of("d", "words")).statusCode(403)
                .body("error", containsString("Project limit reached: you have 3 projects"));
        Backend.awaitJob("alice", Backend.submit("alice", mine[0], Map.of("e", "more words"))); // an existing one still takes more

        Backend.awaitJob("bob", Backend.submit("bob", Backend.freshProject(), Map.of("d", "words")));
    }

    @Test
    void adminWithHisQuotaOfJobsWaitingIsToldToWaitWhileBobStillSubmits() {
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\"}"); // nothing finishes: every job keeps waiting
        String project = "quota-waiting";
        Backend.submit("admin", project, Map.of("a", "one"));
        Backend.submit("admin", project, Map.of("b", "two"));
        Backend.ingest("admin", project, Map.of("c", "three")).statusCode(429)
                .body("error", containsString("the most one user may have (2)"));

        Backend.submit("bob", "quota-waiting-bob", Map.of("a", "one"));
    }

    @Test
    void carolAddingMoreDocumentsOrBytesToAProjectThanItsQuotaIsRefusedAndKeepsWhatSheHas() {
        String project = Backend.freshProject();
        Backend.awaitJob("carol", Backend.submit("carol", project, Map.of("a", "x".repeat(30), "b", "y", "c", "z")));

        Backend.ingest("carol", project, Map.of("d", "one too many")).statusCode(403)
                .body("error", containsString("would hold 4 documents, the most one project may hold (3)"));
        // a: 1 + 200 + 12 + 12 x 100 = 1,413 bytes, the project 1,465
        Backend.ingest("carol", project, Map.of("a", "x".repeat(200))).statusCode(413)
                .body("error", containsString("the most one project may hold (1000)"));
        // a replacement counts its growth only: a 643, the project 695
        Backend.awaitJob("carol", Backend.submit("carol", project, Map.of("a", "x".repeat(90))));
        // e: 433 more in a new project, carol 1,128
        Backend.ingest("carol", Backend.freshProject(), Map.of("e", "e".repeat(60))).statusCode(413)
                .body("error", containsString("the most one user may hold (1100)"));

        Backend.search("carol", project, "x").statusCode(200); // what she has stays
        Backend.awaitJob("bob", Backend.submit("bob", Backend.freshProject(), Map.of("a", "b".repeat(90), "b", "c")));
    }

    @Test
    void aliceSendingMoreRequestsAtOnceThanHerQuotaGets429WhileBobIsServed() throws Exception {
        Stubs.chaos("chroma-stub", "{\"mode\":\"slow\",\"latency_ms\":1500,\"path\":\"/query\"}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> alice = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String query = "burst " + i;
                alice.add(pool.submit(() -> Backend.search("alice", "burst", query).extract().response()));
            }
            Future<Integer> bob = pool.submit(() -> Backend.search("bob", "calm", "calm").extract().statusCode());
            int refused = 0;
            for (var f : alice) {
                Response r = f.get();
                assertTrue(r.statusCode() == 200 || r.statusCode() == 429, r.asString());
                if (r.statusCode() == 429) {
                    refused++;
                    assertThat(r.jsonPath().getString("error"),
                            containsString("requests in flight, the most one user may have"));
                }
            }
            assertTrue(refused >= 1, "alice's burst past 2 in flight was refused");
            assertEquals(200, bob.get(), "bob is served beside alice's burst");
        } finally {
            pool.shutdownNow();
        }
    }
}
