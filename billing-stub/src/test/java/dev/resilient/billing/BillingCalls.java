package dev.resilient.billing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.UUID;

/** Requests the billing tests make, with unique account ids and keys so tests never share state. */
final class BillingCalls {

    /** Amounts are compared as decimals, never as binary floating point. */
    private static final RestAssuredConfig DECIMALS = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    private BillingCalls() {
    }

    static RequestSpecification authed() {
        return given().config(DECIMALS).header(InternalTokenHeader.NAME, StubChaosContract.TOKEN);
    }

    static String uniqueKey() {
        return "key-" + UUID.randomUUID();
    }

    /** Creates a fresh account holding {@code balance}. */
    static String newAccount(String prefix, String balance) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        authed().contentType(ContentType.JSON).body("{\"amount\":" + balance + "}")
                .post("/accounts/" + id + "/credit").then().statusCode(200);
        return id;
    }

    static Response deduct(String key, String account, String amount) {
        return deductRaw(key, "{\"account\":\"" + account + "\",\"amount\":" + amount + "}");
    }

    static Response deductRaw(String key, String json) {
        RequestSpecification spec = authed().contentType(ContentType.JSON).body(json);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/deduct");
    }

    static void assertBalance(String account, String expected) {
        authed().get("/accounts/" + account).then().statusCode(200)
                .body("balance", comparesEqualTo(new BigDecimal(expected)));
    }
}
