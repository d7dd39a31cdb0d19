package dev.resilient.stubkit.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection and internal-token contract, as a real HTTP client sees it. Every stub's
 * test suite extends this (through stub-kit's test-jar), names one of its own endpoints for the
 * fault checks and lists all of its endpoints for the token checks, so the contract is proven on
 * each stub and on each of its endpoints, not only on the library.
 */
public abstract class StubChaosContract {

    /** The development default of {@code internal.token}: allowed in the test profile these tests run in. */
    public static final String TOKEN = "dev-internal-token-NOT-FOR-PRODUCTION";

    /** One endpoint of a stub: a method and a concrete path (existing ids, so an authorised call reaches it). */
    public record Endpoint(String method, String path) {

        public static Endpoint get(String path) {
            return new Endpoint("GET", path);
        }

        public static Endpoint post(String path) {
            return new Endpoint("POST", path);
        }

        public static Endpoint put(String path) {
            return new Endpoint("PUT", path);
        }

        public static Endpoint delete(String path) {
            return new Endpoint("DELETE", path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** The fault checks' endpoint: a GET of the stub that answers 200 to an authorised call. */
    protected abstract String protectedGetPath();

    /**
     * Every endpoint of the stub's own API (the chaos API is added by the contract): each must
     * answer 401 JSON without the token and with a wrong one, and must exist (an authorised call
     * is neither 401, 405, nor the unknown-route 404).
     */
    protected abstract List<Endpoint> endpoints();

    /** Endpoints served without the token ({@code stub.public-paths}, e.g. auth-stub's login). */
    protected List<Endpoint> publicEndpoints() {
        return List.of();
    }

    private List<Endpoint> everyProtectedEndpoint() {
        List<Endpoint> all = new ArrayList<>(endpoints());
        all.add(Endpoint.get("/_chaos"));
        all.add(Endpoint.put("/_chaos"));
        all.add(Endpoint.delete("/_chaos"));
        all.add(Endpoint.delete("/_chaos/counters"));
        return all;
    }

    private static io.restassured.response.Response call(RequestSpecification request, Endpoint e) {
        if (e.method().equals("POST") || e.method().equals("PUT")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(e.method(), e.path());
    }

    public static RequestSpecification authed() {
        return given().header(InternalTokenHeader.NAME, TOKEN);
    }

    @BeforeEach
    @AfterEach
    void heal() {
        authed().delete("/_chaos").then().statusCode(200);
    }

    @Test
    void rejectsMissingTokenWith401JsonError() {
        given().get(protectedGetPath()).then().statusCode(401).contentType(ContentType.JSON)
                .body("error", notNullValue());
    }

    @Test
    void rejectsWrongTokenWith401() {
        given().header(InternalTokenHeader.NAME, TOKEN + "x").get(protectedGetPath()).then().statusCode(401);
    }

    @Test
    void everyEndpointAndTheChaosApiRejectAMissingTokenWith401Json() {
        for (Endpoint e : everyProtectedEndpoint()) {
            call(given(), e).then().log().ifValidationFails().statusCode(401).contentType(ContentType.JSON)
                    .body("error", notNullValue());
        }
    }

    @Test
    void everyEndpointAndTheChaosApiRejectAWrongTokenWith401Json() {
        for (String wrong : List.of(TOKEN + "x", TOKEN.substring(1), "", "Bearer " + TOKEN, TOKEN.toUpperCase())) {
            for (Endpoint e : everyProtectedEndpoint()) {
                call(given().header(InternalTokenHeader.NAME, wrong), e).then().log().ifValidationFails().statusCode(401)
                        .contentType(ContentType.JSON).body("error", notNullValue());
            }
        }
    }

    @Test
    void everyListedEndpointExistsAndServesTheRightToken() {
        String unknownRoute = authed().get("/no/such/route").then().statusCode(404).extract().path("error");
        for (Endpoint e : endpoints()) {
            io.restassured.response.Response r = call(authed(), e);
            assertTrue(r.statusCode() != 401 && r.statusCode() != 405, e + " with the token answered " + r.statusCode());
            assertTrue(r.statusCode() != 404 || !unknownRoute.equals(r.jsonPath().getString("error")),
                    e + " is not a route of this stub");
        }
    }

    @Test
    void servesHealthWithoutToken() {
        given().get("/health").then().statusCode(200);
        given().get("/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        for (Endpoint e : publicEndpoints()) {
            assertTrue(call(given(), e).statusCode() != 401, e + " is public");
        }
    }

    @Test
    void guardsChaosApiWithTheToken() {
        given().get("/_chaos").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"mode\":\"error\"}").put("/_chaos").then().statusCode(401);
        authed().get(protectedGetPath()).then().statusCode(200);
    }

    @Test
    void errorModeAnswersTheConfiguredStatusUntilHealed() {
        inject("{\"mode\":\"error\",\"status\":503}");
        authed().get(protectedGetPath()).then().statusCode(503).contentType(ContentType.JSON)
                .body("error", notNullValue());
        authed().delete("/_chaos").then().statusCode(200).body("fault.mode", org.hamcrest.Matchers.equalTo("ok"));
        authed().get(protectedGetPath()).then().statusCode(200);
    }

    @Test
    void slowModeDelaysThenServes() {
        inject("{\"mode\":\"slow\",\"latency_ms\":300}");
        long start = System.nanoTime();
        authed().get(protectedGetPath()).then().statusCode(200);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 300, "answer came before the injected latency");
    }

    @Test
    void hangMakesAClientWithOneSecondTimeoutTimeOut() {
        inject("{\"mode\":\"hang\"}");
        assertThrows(HttpTimeoutException.class, () -> rawGet(Duration.ofSeconds(1)));
    }

    @Test
    void resetGivesAConnectionErrorWithNoResponse() {
        inject("{\"mode\":\"reset\"}");
        IOException e = assertThrows(IOException.class, () -> rawGet(Duration.ofSeconds(5)));
        assertTrue(!(e instanceof HttpTimeoutException), "expected a dropped connection, got a timeout");
    }

    @Test
    void flakyWithProbabilityHalfFailsAboutHalfOf200Calls() {
        inject("{\"mode\":\"flaky\",\"probability\":0.5}");
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            int status = authed().get(protectedGetPath()).statusCode();
            if (status == 500) {
                failed++;
            } else {
                assertEquals(200, status);
            }
        }
        // 200 fair coin flips: mean 100, sd ~7; 60..140 is beyond 5 sd either way.
        assertTrue(failed >= 60 && failed <= 140, "flaky failed " + failed + " of 200 calls");
    }

    @Test
    void durationEndsTheFaultByItself() throws InterruptedException {
        inject("{\"mode\":\"error\",\"duration_s\":0.5}");
        authed().get(protectedGetPath()).then().statusCode(500);
        Thread.sleep(700);
        authed().get(protectedGetPath()).then().statusCode(200);
        authed().get("/_chaos").then().body("fault.mode", org.hamcrest.Matchers.equalTo("ok"));
    }

    @Test
    void pathLimitsTheFaultToOneEndpointPrefix() {
        inject("{\"mode\":\"error\",\"path\":\"" + protectedGetPath() + "\"}");
        authed().get(protectedGetPath()).then().statusCode(500);
        given().get("/health").then().statusCode(200);
    }

    @Test
    void timesLimitsTheFaultToTheNextRequests() {
        inject("{\"mode\":\"error\",\"times\":2}");
        authed().get(protectedGetPath()).then().statusCode(500);
        authed().get(protectedGetPath()).then().statusCode(500);
        authed().get(protectedGetPath()).then().statusCode(200);
        authed().get("/_chaos").then().body("fault.mode", org.hamcrest.Matchers.equalTo("ok"));
    }

    @Test
    void responsePhaseResetServesTheRequestButLosesTheAnswer() {
        inject("{\"mode\":\"reset\",\"phase\":\"response\",\"times\":1}");
        IOException e = assertThrows(IOException.class, () -> rawGet(Duration.ofSeconds(5)));
        assertTrue(!(e instanceof HttpTimeoutException), "expected a dropped connection, got a timeout");
        authed().get(protectedGetPath()).then().statusCode(200);
    }

    @Test
    void countsRequestsFaultsAndPaths() {
        authed().delete("/_chaos/counters").then().statusCode(200);
        authed().get(protectedGetPath()).then().statusCode(200);
        inject("{\"mode\":\"error\"}");
        authed().get(protectedGetPath()).then().statusCode(500);
        authed().get("/_chaos").then().statusCode(200)
                .body("requests_total", greaterThanOrEqualTo(2))
                .body("faulted_total", greaterThanOrEqualTo(1))
                .body("by_path", notNullValue());
    }

    @Test
    void publishesRequestFaultAndActiveFaultMetricsWithoutToken() {
        String path = protectedGetPath();
        int end = path.indexOf('/', 1);
        String pathTag = end < 0 ? path : path.substring(0, end);
        inject("{\"mode\":\"error\",\"status\":503}");
        authed().get(path).then().statusCode(503);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertMetric(metrics, "stub_fault_active\\{mode=\"error\"\\} 1(\\.0)?");
        assertMetric(metrics, "stub_fault_active\\{mode=\"hang\"\\} 0(\\.0)?");
        assertMetric(metrics, "stub_requests_total\\{path=\"" + java.util.regex.Pattern.quote(pathTag) + "\"\\} [1-9][0-9.E]*");
        assertMetric(metrics, "stub_faulted_total\\{mode=\"error\",path=\"" + java.util.regex.Pattern.quote(pathTag) + "\"\\} [1-9][0-9.E]*");
        authed().delete("/_chaos").then().statusCode(200);
        assertMetric(given().get("/q/metrics").then().statusCode(200).extract().asString(),
                "stub_fault_active\\{mode=\"error\"\\} 0(\\.0)?");
    }

    private static void assertMetric(String metrics, String lineRegex) {
        assertTrue(metrics.lines().anyMatch(l -> l.matches(lineRegex)),
                () -> "no line matching " + lineRegex + " in /q/metrics:\n" + metrics.lines()
                        .filter(l -> l.startsWith("stub_")).reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void rejectsInvalidChaosRequestsWith400() {
        for (String body : new String[] {"{\"mode\":\"explode\"}", "{\"mode\":\"flaky\",\"probability\":2}",
                "{\"mode\":\"error\",\"status\":200}", "{\"mode\":\"slow\",\"latency_ms\":-1}",
                "{\"mode\":", "[]", "{\"status\":500}", "{\"mode\":\"error\",\"duration_s\":\"soon\"}",
                "{\"mode\":\"error\",\"phase\":\"response\"}", "{\"mode\":\"error\",\"times\":0}"}) {
            authed().contentType(ContentType.JSON).body(body).put("/_chaos").then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        authed().get("/_chaos").then().body("fault.mode", org.hamcrest.Matchers.equalTo("ok"));
    }

    @Test
    void rejectsOversizedBodyWith413JsonError() {
        authed().contentType(ContentType.JSON).body("{\"x\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
                .post(protectedGetPath()).then().statusCode(413).contentType(ContentType.JSON)
                .body("error", notNullValue());
    }

    @Test
    void answersUnknownRoutesWith404JsonError() {
        authed().get("/no/such/route").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", notNullValue());
    }

    protected static void inject(String json) {
        authed().contentType(ContentType.JSON).body(json).put("/_chaos").then().statusCode(200);
    }

    private HttpResponse<String> rawGet(Duration timeout) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + protectedGetPath()))
                .header(InternalTokenHeader.NAME, TOKEN).timeout(timeout).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
