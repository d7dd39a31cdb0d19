package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A client that lost the 202 can submit again with the same Idempotency-Key: one job, never two. */
@QuarkusTest
class IdempotentSubmissionTest {

    private static ValidatableResponse submit(String user, String project, String key, String content) {
        return given().header("Authorization", Tokens.bearer(user)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(Map.of("documents", List.of(Map.of("id", "d1", "filename", "d1.md", "content", content))))
                .post("/v1/api/projects/" + project + "/documents").then();
    }

    @Test
    void theSameSubmissionSentTwiceWithOneKeyIsOneJob() {
        String project = Backend.freshProject();
        String key = UUID.randomUUID().toString();
        String first = submit("alice", project, key, "kiwi").statusCode(202).extract().path("job_id");
        String again = submit("alice", project, key, "kiwi").statusCode(202)
                .header("Idempotent-Replayed", "true").extract().path("job_id");
        assertEquals(first, again);
        Backend.awaitJob("alice", first).body("state", equalTo("succeeded")).body("attempts", equalTo(1));
        assertEquals(first, submit("alice", project, key, "kiwi").statusCode(202).extract().path("job_id"),
                "still the first job once it has run");
    }

    @Test
    void theSameKeyWithAnotherRequestIsA422AndStoresNothing() {
        String project = Backend.freshProject();
        String key = UUID.randomUUID().toString();
        submit("alice", project, key, "kiwi").statusCode(202);
        submit("alice", project, key, "volcano").statusCode(422).contentType(ContentType.JSON)
                .body("error", containsString("Idempotency-Key reused with a different request"));
        submit("alice", Backend.freshProject(), key, "kiwi").statusCode(422);
    }

    @Test
    void keysArePerUser() {
        String key = UUID.randomUUID().toString();
        String project = Backend.freshProject();
        String alices = submit("alice", project, key, "kiwi").statusCode(202).extract().path("job_id");
        String bobs = submit("bob", project, key, "kiwi").statusCode(202).extract().path("job_id");
        assertNotEquals(alices, bobs);
    }

    @Test
    void aMalformedKeyIsA400() {
        submit("alice", Backend.freshProject(), "x".repeat(65), "kiwi").statusCode(400)
                .body("error", containsString("Idempotency-Key must be 1 to 64 visible ASCII characters"));
    }
}
