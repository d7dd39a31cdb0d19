package dev.resilient.backend.e2e;

import static org.hamcrest.Matchers.containsString;

import dev.resilient.backend.support.Stubs;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-user quotas, lowered here to 3 projects and 2 waiting jobs: a user past theirs is refused, bob is not. */
@QuarkusTest
@TestProfile(QuotasTest.SmallQuotas.class)
class QuotasTest {

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.quotas.projects-per-user", "3", "backend.quotas.waiting-jobs-per-user", "2",
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
}
