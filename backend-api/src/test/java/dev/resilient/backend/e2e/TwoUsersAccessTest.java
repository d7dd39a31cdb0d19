package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Access control with two real users of auth-stub, alice and bob, on every backend endpoint:
 * neither reads, searches, ingests into or charges the other's data (the namespace comes from
 * the token, never from the request), admin calls need the admin group, and the public
 * dashboard calls hold no user's data.
 */
@QuarkusTest
class TwoUsersAccessTest {

    /** Every admin call: the operator's mode switch and the dashboard's chaos buttons. */
    static final List<String[]> ADMIN_CALLS = List.of(
            new String[] {"GET", "/v1/api/admin/operation-mode"},
            new String[] {"PUT", "/v1/api/admin/operation-mode"},
            new String[] {"DELETE", "/v1/api/admin/operation-mode"},
            new String[] {"GET", "/v1/api/admin/chaos/chroma"},
            new String[] {"PUT", "/v1/api/admin/chaos/chroma"},
            new String[] {"DELETE", "/v1/api/admin/chaos/chroma"});

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void healthy() {
        Stubs.heal("chroma-stub");
        Stubs.heal("filesystem-stub");
        breakers.resetAll();
    }

    private static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).contentType(ContentType.JSON);
    }

    /** Alice's project with one document holding a word nobody else writes; returns the project id. */
    private static String alicesProjectWith(String secretWord) {
        String project = Backend.freshProject();
        String job = Backend.submit("alice", project, Map.of("secret", "alice private notes about " + secretWord));
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded")).body("indexed", equalTo(1));
        return project;
    }

    private static String uniqueWord() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    // --- jobs ---

    @Test
    void bobCannotReadAlicesJob() {
        String project = Backend.freshProject();
        String job = Backend.submit("alice", project, Map.of("a", "alice's document"));
        Backend.awaitJob("alice", job).body("job_id", equalTo(job));
        String unknown = UUID.randomUUID().toString();
        Response bobs = given().header("Authorization", Tokens.bearer("bob")).get("/v1/api/jobs/" + job);
        Response none = given().header("Authorization", Tokens.bearer("bob")).get("/v1/api/jobs/" + unknown);
        assertEquals(404, bobs.statusCode());
        assertTrue(bobs.contentType().startsWith("application/json"), bobs.contentType());
        // the same answer as for a job that does not exist: bob cannot even learn that it does
        assertEquals(none.jsonPath().getString("error").replace(unknown, job), bobs.jsonPath().getString("error"));
        assertFalse(bobs.asString().contains(project), "bob's answer names alice's project");
    }

    @Test
    void bobCannotReadNorRequestAlicesDocumentAnalysis() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        String analysis = "/v1/api/projects/" + project + "/documents/secret/analysis";
        String job = as("alice").body(Map.of()).post(analysis).then().statusCode(202).extract().path("job_id");
        Backend.awaitJob("alice", job).body("state", equalTo("succeeded"));
        as("alice").get(analysis).then().statusCode(200).body("source", equalTo("cache"));

        for (Response bobs : List.of(as("bob").get(analysis), as("bob").body(Map.of()).post(analysis),
                as("bob").get("/v1/api/jobs/" + job))) {
            assertEquals(404, bobs.statusCode(), bobs.asString());
            assertFalse(bobs.asString().contains(word), "bob's answer shows alice's document: " + bobs.asString());
        }
    }

    // --- search ---

    @Test
    void bobCannotSearchAlicesDocumentsInTheSameProjectName() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        Backend.search("alice", project, word).statusCode(200).body("results[0].id", equalTo("secret"));
        Backend.search("bob", project, word).statusCode(200).body("source", equalTo("vector"))
                .body("results.size()", equalTo(0));
        Backend.search("bob", project, "alice private notes").statusCode(200)
                .body("results.size()", equalTo(0));
    }

    @Test
    void bobCannotNameAlicesNamespaceInTheSearchBody() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        for (String hostile : List.of("alice__" + project, "project_alice__" + project, "../alice__" + project)) {
            as("bob").body(Map.of("query", word, "project_id", hostile)).post("/v1/api/search").then()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        // fields that are not part of the contract choose nothing: bob still searches his own namespace
        Response r = as("bob").body(Map.of("query", word, "project_id", project, "user", "alice", "collection_name",
                "project_alice__" + project)).post("/v1/api/search");
        assertTrue(r.statusCode() == 400 || r.jsonPath().getList("results").isEmpty(),
                "bob got alice's results: " + r.asString());
    }

    @Test
    void bobDoesNotGetAlicesCachedSearchResultsWhenEverySourceFails() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        Backend.search("alice", project, word).statusCode(200).body("source", equalTo("vector"));
        Stubs.chaos("chroma-stub", "{\"mode\":\"error\",\"times\":3}");
        Stubs.chaos("filesystem-stub", "{\"mode\":\"error\",\"times\":3}");
        Backend.search("bob", project, word).statusCode(503).contentType(ContentType.JSON)
                .body("error", notNullValue()).body(not(org.hamcrest.Matchers.containsString("alice private notes")));
    }

    // --- chat ---

    @Test
    void bobsChatNeverUsesAlicesDocumentsAsContext() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        Backend.chat("alice", project, "what about " + word + "?").statusCode(200)
                .body("context_sources", equalTo(1));
        Response bobs = as("bob").body(Map.of("message", "tell me the private notes", "project_id", project))
                .post("/v1/api/chat");
        assertEquals(200, bobs.statusCode(), bobs.asString());
        assertEquals(0, bobs.jsonPath().getInt("context_sources"), bobs.asString());
        assertFalse(bobs.asString().contains(word), "bob's chat answer quotes alice's document: " + bobs.asString());
    }

    @Test
    void bobsChatHistoryGoesToHisNamespaceAndNeverIntoAlices() {
        String project = alicesProjectWith(uniqueWord());
        String marker = uniqueWord();
        Backend.chat("bob", project, "bob says " + marker).statusCode(200);
        List<String> alicesFiles = Stubs.get("filesystem-stub", "/projects/alice__" + project + "/files")
                .statusCode(200).extract().jsonPath().getList("files.path");
        assertEquals(List.of("docs/secret.md"), alicesFiles, "only alice's own document is in her project");
        Stubs.get("filesystem-stub", "/projects/bob__" + project + "/search?q=" + marker).statusCode(200)
                .body("results.size()", equalTo(1));
        Stubs.get("filesystem-stub", "/projects/alice__" + project + "/search?q=" + marker).statusCode(200)
                .body("results.size()", equalTo(0));
    }

    // --- ingestion ---

    @Test
    void bobIngestingIntoTheSameProjectNameLeavesAlicesDataUnchanged() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        Map<String, Object> alicesChunks = Stubs.get("chroma-stub", "/collections/project_alice__" + project)
                .statusCode(200).extract().jsonPath().getMap("$");
        // same document id and file name as alice's: it must land in bob's namespace only
        String job = Backend.submit("bob", project, Map.of("secret", "bob overwrites nothing"));
        Backend.awaitJob("bob", job).body("state", equalTo("succeeded"));
        assertEquals(alicesChunks, Stubs.get("chroma-stub", "/collections/project_alice__" + project)
                .statusCode(200).extract().jsonPath().getMap("$"));
        Stubs.get("filesystem-stub", "/projects/alice__" + project + "/files/docs/secret.md").statusCode(200)
                .body("content", equalTo("alice private notes about " + word));
        Stubs.get("filesystem-stub", "/projects/bob__" + project + "/files/docs/secret.md").statusCode(200)
                .body("content", equalTo("bob overwrites nothing"));
        Backend.search("alice", project, word).statusCode(200).body("results[0].text",
                org.hamcrest.Matchers.containsString(word));
        Backend.job("alice", job).statusCode(404);
    }

    @Test
    void bobCannotIngestIntoAlicesNamespaceByNamingItInThePath() {
        for (String hostile : List.of("alice__p1", "project_alice__p1", "..%2Falice__p1", "alice%5F%5Fp1")) {
            Response r = as("bob").body(Map.of("documents", List.of(Map.of("id", "x", "filename", "x.md", "content", "x"))))
                    .urlEncodingEnabled(false).post("/v1/api/projects/" + hostile + "/documents");
            assertTrue(r.statusCode() == 400 || r.statusCode() == 404, hostile + " answered " + r.statusCode() + " " + r.asString());
            assertTrue(r.contentType().startsWith("application/json"), hostile + ": " + r.contentType());
        }
    }

    // --- billing ---

    private static BigDecimal balance(String account) {
        return new BigDecimal(Stubs.get("billing-stub", "/accounts/" + account).statusCode(200)
                .extract().jsonPath().getString("balance"));
    }

    @Test
    void bobsDeductionChargesBobAndNeverAlice() {
        BigDecimal alice = balance("alice");
        BigDecimal bob = balance("bob");
        Backend.deduct("bob", "0.01").statusCode(200).body("account", equalTo("bob"));
        assertEquals(alice, balance("alice"));
        assertEquals(bob.subtract(new BigDecimal("0.01")), balance("bob"));
    }

    @Test
    void bobCannotChargeAlicesAccountByNamingItInTheBody() {
        BigDecimal alice = balance("alice");
        Response r = as("bob").body("{\"amount\":0.01,\"account\":\"alice\"}").post("/v1/api/billing/deduct");
        assertTrue(r.statusCode() == 400 || "bob".equals(r.jsonPath().getString("account")), r.asString());
        assertEquals(alice, balance("alice"));
    }

    @Test
    void theSameIdempotencyKeyFromTwoUsersChargesEachTheirOwnAccount() {
        String key = "shared-" + UUID.randomUUID();
        BigDecimal alice = balance("alice");
        BigDecimal bob = balance("bob");
        as("alice").header("Idempotency-Key", key).body("{\"amount\":0.01}").post("/v1/api/billing/deduct").then()
                .statusCode(200).body("account", equalTo("alice")).body("replayed", equalTo(false));
        // bob's request with alice's key is his own new deduction, not a replay of alice's receipt
        as("bob").header("Idempotency-Key", key).body("{\"amount\":0.01}").post("/v1/api/billing/deduct").then()
                .statusCode(200).body("account", equalTo("bob")).body("replayed", equalTo(false));
        assertEquals(alice.subtract(new BigDecimal("0.01")), balance("alice"));
        assertEquals(bob.subtract(new BigDecimal("0.01")), balance("bob"));
    }

    // --- status, dashboard ---

    @Test
    void statusIsTheSameMonitoringDataForBothUsersAndNamesNoUsersProject() {
        String project = alicesProjectWith(uniqueWord());
        for (String path : List.of("/v1/api/status/services", "/admin/service-status")) {
            for (String user : List.of("alice", "bob")) {
                Response r = given().header("Authorization", Tokens.bearer(user)).get(path);
                assertEquals(200, r.statusCode(), user + " " + path);
                assertFalse(r.asString().contains(project), path + " shows alice's project to " + user);
                r.then().body("services.keySet()", hasItems("chroma", "filesystem", "billing", "git"));
            }
            Response anonymous = given().get(path);
            assertEquals(200, anonymous.statusCode(), "monitoring reads " + path + " without a token");
            assertFalse(anonymous.asString().contains(project), path + " shows alice's project to anyone");
        }
    }

    @Test
    void publicDashboardStateHoldsNoUsersData() {
        String word = uniqueWord();
        String project = alicesProjectWith(word);
        String state = given().get("/v1/api/dashboard/state").then().statusCode(200).extract().asString();
        assertFalse(state.contains(project) || state.contains(word) || state.contains("alice"), state);
    }

    @Test
    void dashboardLoginGivesEachUserOnlyTheirOwnToken() {
        for (String user : List.of("alice", "bob")) {
            String token = given().contentType(ContentType.JSON)
                    .body(Map.of("username", user, "password", Stubs.password(user)))
                    .post("/v1/api/dashboard/login").then().statusCode(200).extract().path("access_token");
            // the token is the user's own: it reads that user's jobs and no one else's
            String project = Backend.freshProject();
            String job = Backend.submit(user, project, Map.of("d", user + " document"));
            given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/" + job).then().statusCode(200);
            String other = user.equals("alice") ? "bob" : "alice";
            String othersJob = Backend.submit(other, project, Map.of("d", other + " document"));
            given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/" + othersJob).then().statusCode(404);
        }
        // alice's password never logs bob in
        given().contentType(ContentType.JSON).body(Map.of("username", "bob", "password", Stubs.password("alice")))
                .post("/v1/api/dashboard/login").then().statusCode(401).contentType(ContentType.JSON);
    }

    // --- admin ---

    private static Response adminCall(RequestSpecification request, String[] call) {
        if (call[0].equals("PUT")) {
            String body = call[1].contains("operation-mode") ? "{\"mode\":\"MAINTENANCE\",\"reason\":\"not an admin\"}"
                    : "{\"mode\":\"error\",\"status\":500}";
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.request(call[0], call[1]);
    }

    @Test
    void aliceAndBobGet403JsonOnEveryAdminCallAndChangeNothing() {
        String modeBefore = as("admin").get("/v1/api/admin/operation-mode").then().statusCode(200).extract().path("mode");
        for (String user : List.of("alice", "bob")) {
            for (String[] call : ADMIN_CALLS) {
                adminCall(given().header("Authorization", Tokens.bearer(user)), call).then().log().ifValidationFails()
                        .statusCode(403).contentType(ContentType.JSON).body("error", notNullValue());
            }
        }
        as("admin").get("/v1/api/admin/operation-mode").then().statusCode(200).body("mode", equalTo(modeBefore))
                .body("reason", not(equalTo("not an admin")));
        Stubs.get("chroma-stub", "/_chaos").statusCode(200).body("fault.mode", equalTo("ok"));
    }

    @Test
    void everyAdminCallWithoutATokenIs401Json() {
        for (String[] call : ADMIN_CALLS) {
            adminCall(given(), call).then().log().ifValidationFails().statusCode(401).contentType(ContentType.JSON)
                    .body("error", notNullValue());
            adminCall(given().header("Authorization", "Bearer not-a-jwt"), call).then().statusCode(401)
                    .contentType(ContentType.JSON);
        }
    }

    @Test
    void theAdminCredentialOpensEveryAdminRead() {
        as("admin").get("/v1/api/admin/operation-mode").then().statusCode(200).body("mode", notNullValue());
        as("admin").get("/v1/api/admin/chaos/chroma").then().statusCode(200);
    }
}
