package dev.resilient.stubkit;

import static dev.resilient.stubkit.testing.StubChaosContract.authed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.resilient.kit.deadline.DeadlineHeader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The caller's remaining budget ({@code X-Request-Timeout-Ms}) bounds how long a stub waits or works for it. */
@QuarkusTest
class DeadlineHonouredTest {

    @BeforeEach
    @AfterEach
    void heal() {
        authed().delete("/_chaos").then().statusCode(200);
        authed().delete("/_chaos/counters").then().statusCode(200);
    }

    @Test
    void hangStopsWaitingWhenTheCallersBudgetRunsOutAndCountsIt() {
        inject("{\"mode\":\"hang\"}");
        authed().header(DeadlineHeader.NAME, "300").get("/echo").then().statusCode(504)
                .contentType(ContentType.JSON).body("error", containsString("300 ms"));
        authed().get("/_chaos").then().body("deadline_exceeded_total", equalTo(1))
                .body("deadline_requests_total", equalTo(1)).body("deadline_max_ms", equalTo(300));
    }

    @Test
    void slowFaultLongerThanTheBudgetGivesUpAtTheDeadline() {
        inject("{\"mode\":\"slow\",\"latency_ms\":5000}");
        authed().header(DeadlineHeader.NAME, "200").get("/echo").then().statusCode(504);
        authed().get("/_chaos").then().body("deadline_exceeded_total", equalTo(1));
    }

    @Test
    void slowFaultInsideTheBudgetIsServed() {
        inject("{\"mode\":\"slow\",\"latency_ms\":50}");
        authed().header(DeadlineHeader.NAME, "5000").get("/echo").then().statusCode(200);
        authed().get("/_chaos").then().body("deadline_exceeded_total", equalTo(0))
                .body("deadline_requests_total", equalTo(1)).body("deadline_max_ms", equalTo(5000));
    }

    @Test
    void spentBudgetIsNotWorkedOn() {
        authed().header(DeadlineHeader.NAME, "0").contentType(ContentType.JSON).body("{\"a\":1}").post("/echo")
                .then().statusCode(504);
        authed().get("/_chaos").then().body("deadline_exceeded_total", equalTo(1));
    }

    @Test
    void malformedBudgetIsA400JsonError() {
        authed().header(DeadlineHeader.NAME, "soon").get("/echo").then().statusCode(400)
                .contentType(ContentType.JSON).body("error", containsString(DeadlineHeader.NAME));
    }

    @Test
    void requestWithoutBudgetIsServedAsBefore() {
        authed().get("/echo").then().statusCode(200);
        authed().get("/_chaos").then().body("deadline_requests_total", equalTo(0));
    }

    private static void inject(String json) {
        authed().contentType(ContentType.JSON).body(json).put("/_chaos").then().statusCode(200);
    }
}
