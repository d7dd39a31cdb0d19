package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.admission.FrontDoor;
import dev.resilient.backend.support.Stubs;
import dev.resilient.backend.support.Tokens;
import dev.resilient.kit.criticality.Criticality;
import dev.resilient.kit.criticality.CriticalityHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The front door under a forced limit of 4 (sheddable refused from 2 in flight, default from 3,
 * critical from 4), held by slow clients whose request bodies never finish arriving: the order of
 * shedding follows criticality, a shed request did no expensive work, a caller can lower but not raise
 * its criticality, criticality reaches the stubs, and searches waiting on a hanging chroma do not hold
 * the front door (chroma's own limit bounds them).
 */
@QuarkusTest
@TestProfile(AdmissionTest.FixedLimitOfFour.class)
class AdmissionTest extends HealthySuiteTest {

    public static class FixedLimitOfFour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("backend.admission.fixed-limit", "4",
                    "backend.budgets.deadline.endpoints.search", "6s");
        }
    }

    @Inject
    FrontDoor frontDoor;

    @TestHTTPResource("/")
    URL root;

    @Test
    void pastItsShareEachCriticalityIsRefusedInOrderLeastImportantFirstAndCriticalIsServed() throws Exception {
        String project = Backend.freshProject();
        List<Socket> held = holdInFlight(3);
        long shedBefore = frontDoor.gate().refused(Criticality.SHEDDABLE);

        Backend.ingest("alice", project, Map.of("late", "comes back later")).statusCode(503)
                .header("Retry-After", "1").header(CriticalityHeader.NAME, "sheddable").contentType(ContentType.JSON)
                .body("error", containsString("sheddable requests are refused past 2"));
        Backend.search("bob", project, "anything").statusCode(503)
                .body("error", containsString("default requests are refused past 3"));
        given().header("Authorization", Tokens.bearer("bob")).header(CriticalityHeader.NAME, "critical")
                .contentType(ContentType.JSON).body(Map.of("query", "raised", "project_id", project))
                .post("/v1/api/search").then().statusCode(503).header(CriticalityHeader.NAME, "default");
        Backend.status("bob").statusCode(200).body("admission.limit", equalTo(4))
                .body("admission.algorithm", equalTo("fixed")).body("admission.refused_from.sheddable", equalTo(2));
        Backend.deduct("bob", "0.01").statusCode(200);

        assertEquals(shedBefore + 1, frontDoor.gate().refused(Criticality.SHEDDABLE));
        release(held);
        Backend.ingest("alice", project, Map.of("late", "comes back later")).statusCode(202);
    }

    @Test
    void searchesWaitingOnAHangingChromaLeaveTheFrontDoorToTheOthers() throws Exception {
        String project = Backend.freshProject();
        Stubs.chaos("chroma-stub", "{\"mode\":\"hang\"}");
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(CompletableFuture.supplyAsync(() -> Backend.search("carol", project, "held").extract().statusCode()));
        }
        try {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> frontDoor.gate().waitingOnDownstreams() == 3);
            assertEquals(0, frontDoor.gate().inFlight(), "the waiting searches are out of the count");
            Backend.ingest("alice", project, Map.of("meanwhile", "admitted while chroma hangs")).statusCode(202);
            Backend.status("bob").statusCode(200).body("admission.waiting_on_downstreams", equalTo(3));
        } finally {
            for (CompletableFuture<Integer> f : waiting) {
                assertEquals(200, f.get(20, TimeUnit.SECONDS), "a held search answers from full-text");
            }
            Stubs.heal("chroma-stub");
        }
        assertEquals(0, frontDoor.gate().waitingOnDownstreams());
        assertEquals(0, frontDoor.gate().inFlight());
    }

    @Test
    void aShedRequestIsRefusedBeforeItsTokenIsCheckedOrItsBodyRead() throws Exception {
        String project = Backend.freshProject();
        List<Socket> held = holdInFlight(3);

        // Unshed, this is a 401 (a forged token) or a 400 (not JSON): the 503 shows neither was looked at.
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON).body("{not json")
                .post("/v1/api/projects/" + project + "/documents").then().statusCode(503);
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON).body("{not json")
                .post("/v1/api/search").then().statusCode(503);

        release(held);
        given().header("Authorization", "Bearer not.a.token").contentType(ContentType.JSON).body("{not json")
                .post("/v1/api/projects/" + project + "/documents").then().statusCode(401);
    }

    @Test
    void aCallerMayLowerItsCriticalityAndTheStubsReceiveIt() {
        String project = Backend.freshProject();
        double sheddableBefore = admitted("chroma-stub", "sheddable");
        double criticalBefore = admitted("billing-stub", "critical");

        given().header("Authorization", Tokens.bearer("alice")).header(CriticalityHeader.NAME, "sheddable")
                .contentType(ContentType.JSON).body(Map.of("query", "lowered", "project_id", project))
                .post("/v1/api/search").then().statusCode(200);
        assertTrue(admitted("chroma-stub", "sheddable") >= sheddableBefore + 1, "the lowered search reached chroma as sheddable");
        Backend.deduct("alice", "0.01").statusCode(200);
        assertEquals(criticalBefore + 1, admitted("billing-stub", "critical"), 0.0, "a deduction reaches billing as critical");

        double jobCallsBefore = admitted("chroma-stub", "sheddable");
        Backend.awaitJob("alice", Backend.submit("alice", project, Map.of("doc", "a document for the index")))
                .body("state", equalTo("succeeded"));
        assertTrue(admitted("chroma-stub", "sheddable") >= jobCallsBefore + 1, "an ingestion job's calls are sheddable");

        given().header("Authorization", Tokens.bearer("alice")).header(CriticalityHeader.NAME, "urgent")
                .get("/v1/api/status/services").then().statusCode(400)
                .body("error", containsString("X-Request-Criticality must be critical, default or sheddable"));
    }

    /**
     * Opens n connections that each send a search's headers and the first bytes of a body that never
     * finishes: admitted, each holds a permit of the front door for as long as its connection stays open
     * (a slow client, which the front door counts, unlike a wait on a downstream). Waits until all n are in.
     */
    private List<Socket> holdInFlight(int n) throws Exception {
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket socket = new Socket(root.getHost(), root.getPort());
            socket.getOutputStream().write(("POST /v1/api/search HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + Tokens.bearer("carol") + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"query\": ").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            held.add(socket);
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> frontDoor.gate().inFlight() == n);
        return held;
    }

    /** Closes the held connections and waits until the front door has their permits back. */
    private void release(List<Socket> held) throws Exception {
        for (Socket socket : held) {
            socket.close();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> frontDoor.gate().inFlight() == 0);
    }

    /** Requests the stub admitted with this criticality, from its {@code stub_admission_admitted_total}. */
    private static double admitted(String stub, String criticality) {
        String metrics = Stubs.get(stub, "/q/metrics").statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("stub_admission_admitted_total{")
                        && l.contains("criticality=\"" + criticality + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
