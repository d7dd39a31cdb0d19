package dev.resilient.git;

import static dev.resilient.git.GitTestSupport.authed;
import static dev.resilient.git.GitTestSupport.snapshot;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Over HTTP: the history one tenant may keep is bounded in bytes, and the bound is that tenant's alone. */
@QuarkusTest
@TestProfile(SmallTenantHistoryProfile.class)
class TenantHistoryTest {

    @Test
    void aTenantPastItsHistoryGets507JsonWhileAnotherTenantStillSnapshots() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String alice = "alice" + run + "__docs";
        String bob = "bob" + run + "__docs";
        // each snapshot weighs 256 + 19 (project id) + 15 (message) = 290 bytes: three fit in 1,000
        for (int i = 0; i < 3; i++) {
            snapshot(alice, "Ingested " + i + " files").statusCode(201);
        }
        snapshot(alice, "Ingested 3 files").statusCode(507).contentType(ContentType.JSON)
                .body("error", containsString("at most 1000 bytes of history per tenant (git.max-bytes-per-tenant)"))
                .body("error", not(containsString("alice")));
        authed().get("/history/" + alice).then().statusCode(200).body("snapshots", hasSize(3));

        snapshot(bob, "Ingested 0 files").statusCode(201);
        authed().get("/history/" + bob).then().statusCode(200).body("snapshots", hasSize(1));
    }
}
