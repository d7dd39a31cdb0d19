package dev.resilient.stubkit;

import static dev.resilient.stubkit.testing.StubChaosContract.authed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.kit.criticality.CriticalityHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Past its capacity a stub refuses the least important requests first, by the caller's {@code X-Request-Criticality}. */
@QuarkusTest
@TestProfile(SheddingByCriticalityTest.FourInFlight.class)
class SheddingByCriticalityTest {

    /** Room for 4: sheddable refused from 2 in flight, default from 3, critical from 4. */
    public static class FourInFlight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("stub.admission.max-in-flight", "4");
        }
    }

    @AfterEach
    void heal() {
        authed().delete("/_chaos").then().statusCode(200);
    }

    @Test
    void withThreeRequestsInFlightSheddableAndDefaultAre503AndCriticalIsServed() throws Exception {
        authed().delete("/_chaos/counters").then().statusCode(200);
        authed().contentType(ContentType.JSON).body("{\"mode\":\"slow\",\"latency_ms\":2000,\"path\":\"/echo\"}")
                .put("/_chaos").then().statusCode(200);
        List<CompletableFuture<Integer>> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(CompletableFuture.supplyAsync(() -> authed().get("/echo").statusCode()));
        }
        awaitInFlight(3);

        authed().header(CriticalityHeader.NAME, "sheddable").get("/echo").then().statusCode(503)
                .header("Retry-After", "1").contentType(ContentType.JSON)
                .body("error", containsString("sheddable requests are refused past 2"));
        authed().get("/echo").then().statusCode(503).body("error", containsString("default requests are refused past 3"));
        authed().header(CriticalityHeader.NAME, "critical").get("/echo").then().statusCode(200).body("echo", equalTo("ok"));

        for (CompletableFuture<Integer> f : held) {
            assertEquals(200, f.get(10, TimeUnit.SECONDS));
        }
        authed().header(CriticalityHeader.NAME, "sheddable").get("/echo").then().statusCode(200);
        String metrics = authed().get("/q/metrics").then().statusCode(200).extract().asString();
        assertEquals(1.0, refused(metrics, "sheddable"));
        assertEquals(1.0, refused(metrics, "default"));
        assertEquals(0.0, refused(metrics, "critical"));
    }

    @Test
    void anUnknownCriticalityIsA400JsonError() {
        authed().header(CriticalityHeader.NAME, "urgent").get("/echo").then().statusCode(400)
                .contentType(ContentType.JSON).body("error", containsString(CriticalityHeader.NAME));
    }

    private static double refused(String metrics, String criticality) {
        return metrics.lines().filter(l -> l.startsWith("stub_admission_refused_total{")
                        && l.contains("criticality=\"" + criticality + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The chaos API counts requests that reached the stub; three slowed ones are in flight once all three are counted. */
    private static void awaitInFlight(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            int seen = authed().get("/_chaos").then().extract().path("requests_total");
            if (seen >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the slowed requests did not arrive");
    }
}
