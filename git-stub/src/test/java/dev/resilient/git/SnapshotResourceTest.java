package dev.resilient.git;

import static dev.resilient.git.GitTestSupport.authed;
import static dev.resilient.git.GitTestSupport.snapshot;
import static dev.resilient.git.GitTestSupport.uniqueProject;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SnapshotResourceTest {

    @Test
    void firstSnapshotHasNoParentSequenceOneAndAGitLikeId() {
        String project = uniqueProject("first");
        var created = snapshot(project, "Ingested 3 documents").statusCode(201).contentType(ContentType.JSON)
                .body("snapshot_id", matchesPattern("[0-9a-f]{12}"))
                .body("project_id", equalTo(project))
                .body("message", equalTo("Ingested 3 documents"))
                .body("parent_id", nullValue())
                .body("sequence", equalTo(1))
                .extract();
        String id = created.path("snapshot_id");
        assertEquals("/snapshot/" + project + "/" + id, java.net.URI.create(created.header("Location")).getPath());
        Instant at = Instant.parse(created.path("created_at"));
        assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() < 5, "created_at " + at);
    }

    @Test
    void eachSnapshotsParentIsThePreviousOne() {
        String project = uniqueProject("chain");
        String first = snapshot(project, "one").statusCode(201).extract().path("snapshot_id");
        String second = snapshot(project, "two").statusCode(201).body("parent_id", equalTo(first))
                .body("sequence", equalTo(2)).extract().path("snapshot_id");
        snapshot(project, "three").statusCode(201).body("parent_id", equalTo(second)).body("sequence", equalTo(3));
        assertNotEquals(first, second);
    }

    @Test
    void sameMessageTwiceGivesTwoDistinctSnapshots() {
        String project = uniqueProject("same");
        String a = snapshot(project, "Ingested 1 documents").statusCode(201).extract().path("snapshot_id");
        String b = snapshot(project, "Ingested 1 documents").statusCode(201).extract().path("snapshot_id");
        assertNotEquals(a, b);
    }

    @Test
    void aSnapshotRepeatedWithItsIdempotencyKeyIsAnsweredAgainWith200AndRecordedOnce() {
        String project = uniqueProject("keyed");
        String id = keyed(project, "job-7", "Ingested 2 documents").statusCode(201)
                .header("Idempotent-Replayed", nullValue()).body("idempotency_key", equalTo("job-7"))
                .extract().path("snapshot_id");
        keyed(project, "job-7", "Ingested 2 documents").statusCode(200).header("Idempotent-Replayed", "true")
                .body("snapshot_id", equalTo(id)).body("sequence", equalTo(1));
        keyed(project, "job-7", "Ingested 3 documents").statusCode(422).contentType(ContentType.JSON)
                .body("error", org.hamcrest.Matchers.containsString("Idempotency-Key 'job-7' was first used for another snapshot"));
        keyed(project, "bad key", "m").statusCode(400)
                .body("error", equalTo("Idempotency-Key must be 1 to 128 visible ASCII characters"));
        authed().get("/history/" + project).then().statusCode(200).body("snapshots", hasSize(1));
    }

    private static io.restassured.response.ValidatableResponse keyed(String project, String key, String message) {
        return authed().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("message", message))
                .post("/snapshot/" + project).then();
    }

    @Test
    void historyListsSnapshotsNewestFirst() {
        String project = uniqueProject("history");
        for (String m : new String[] {"one", "two", "three"}) {
            snapshot(project, m).statusCode(201);
        }
        authed().get("/history/" + project).then().statusCode(200).contentType(ContentType.JSON)
                .body("project_id", equalTo(project))
                .body("snapshots.message", equalTo(List.of("three", "two", "one")))
                .body("snapshots.sequence", equalTo(List.of(3, 2, 1)))
                .body("snapshots[2].parent_id", nullValue());
    }

    @Test
    void historyHonoursLimit() {
        String project = uniqueProject("limit");
        for (int i = 1; i <= 5; i++) {
            snapshot(project, "m" + i).statusCode(201);
        }
        authed().queryParam("limit", 2).get("/history/" + project).then().statusCode(200)
                .body("snapshots.message", equalTo(List.of("m5", "m4")));
        authed().queryParam("limit", 1000).get("/history/" + project).then().statusCode(200)
                .body("snapshots", hasSize(5));
    }

    @Test
    void readsOneSnapshotById() {
        String project = uniqueProject("read");
        Map<String, Object> created = snapshot(project, "keep me").statusCode(201).extract().as(Map.class);
        snapshot(project, "later").statusCode(201);
        Map<String, Object> read = authed().get("/snapshot/" + project + "/" + created.get("snapshot_id")).then()
                .statusCode(200).extract().as(Map.class);
        assertEquals(created, read);
    }

    @Test
    void answers404ForUnknownProjectsAndSnapshots() {
        String project = uniqueProject("unknown");
        authed().get("/history/" + project).then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("project '" + project + "' has no history"));
        authed().get("/snapshot/" + project + "/0123456789ab").then().statusCode(404).body("error", notNullValue());
        snapshot(project, "now it exists").statusCode(201);
        authed().get("/snapshot/" + project + "/0123456789ab").then().statusCode(404)
                .body("error", equalTo("snapshot '0123456789ab' not found in project '" + project + "'"));
    }

    @Test
    void rejectsBadMessagesAndBodiesWith400AndRecordsNothing() {
        String project = uniqueProject("badbody");
        for (String body : new String[] {"{}", "{\"message\":\"\"}", "{\"message\":\"   \"}", "{\"message\":null}",
                "{\"message\":{\"a\":1}}", "{\"message\":[\"x\"]}", "{", "[]", "\"msg\"",
                "{\"message\":\"" + "x".repeat(2001) + "\"}"}) {
            authed().contentType(ContentType.JSON).body(body).post("/snapshot/" + project).then()
                    .log().ifValidationFails().statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        authed().contentType(ContentType.JSON).post("/snapshot/" + project).then().statusCode(400).body("error", notNullValue());
        authed().get("/history/" + project).then().statusCode(404);
        snapshot(project, "x".repeat(2000)).statusCode(201).body("sequence", equalTo(1));
    }

    @Test
    void rejectsMalformedProjectIdsWith400() {
        for (String id : new String[] {"a.b", "a%20b", "x".repeat(65), "na%C3%AFve", "a%2Fb"}) {
            authed().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"message\":\"m\"}")
                    .post("/snapshot/" + id).then().log().ifValidationFails().statusCode(400).body("error", notNullValue());
            authed().urlEncodingEnabled(false).get("/history/" + id).then().statusCode(400);
        }
        snapshot("x".repeat(64), "longest id").statusCode(201);
    }

    @Test
    void rejectsLimitsOutsideOneToAThousandWith400() {
        String project = uniqueProject("badlimit");
        snapshot(project, "m").statusCode(201);
        for (String limit : new String[] {"0", "-1", "1001", "abc", "1.5", "99999999999", "1e3"}) {
            authed().queryParam("limit", limit).get("/history/" + project).then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", endsWith("must be an integer from 1 to 1000"));
        }
        authed().queryParam("limit", "").get("/history/" + project).then().statusCode(200); // empty means the default
    }
}
