package dev.resilient.billing;

import static dev.resilient.billing.BillingCalls.assertBalance;
import static dev.resilient.billing.BillingCalls.authed;
import static dev.resilient.billing.BillingCalls.deduct;
import static dev.resilient.billing.BillingCalls.deductRaw;
import static dev.resilient.billing.BillingCalls.newAccount;
import static dev.resilient.billing.BillingCalls.uniqueKey;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeductTest {

    @Test
    void deductsTheAmountAndAnswersAReceipt() {
        String account = newAccount("deduct", "50.00");
        String key = uniqueKey();
        deduct(key, account, "12.34").then().statusCode(200)
                .header("Idempotent-Replayed", nullValue())
                .body("transaction_id", startsWith("txn_"))
                .body("account", equalTo(account))
                .body("amount", comparesEqualTo(new BigDecimal("12.34")))
                .body("balance", comparesEqualTo(new BigDecimal("37.66")))
                .body("idempotency_key", equalTo(key))
                .body("replayed", equalTo(false));
        assertBalance(account, "37.66");
    }

    @Test
    void deductsTheWholeBalanceDownToZero() {
        String account = newAccount("exact", "20.50");
        deduct(uniqueKey(), account, "20.5").then().statusCode(200).body("balance", comparesEqualTo(BigDecimal.ZERO));
        assertBalance(account, "0");
    }

    @Test
    void answers402WithTheBalanceWhenFundsAreInsufficientAndChargesNothing() {
        String account = newAccount("poor", "5.00");
        deduct(uniqueKey(), account, "5.01").then().statusCode(402).contentType(ContentType.JSON)
                .body("error", equalTo("insufficient funds"))
                .body("balance", comparesEqualTo(new BigDecimal("5.00")))
                .body("replayed", equalTo(false));
        assertBalance(account, "5.00");
        authed().get("/accounts/" + account + "/transactions").then().statusCode(200)
                .body("transactions", hasSize(1)).body("transactions[0].type", equalTo("credit"));
    }

    @Test
    void answers404ForAnUnknownAccountWithoutUsingUpTheKey() {
        String account = "nobody-" + uniqueKey().substring(4, 16);
        String key = uniqueKey();
        deduct(key, account, "1.00").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", notNullValue());
        authed().contentType(ContentType.JSON).body("{\"amount\":3}").post("/accounts/" + account + "/credit")
                .then().statusCode(200);
        deduct(key, account, "1.00").then().statusCode(200).body("replayed", equalTo(false));
        assertBalance(account, "2.00");
    }

    @Test
    void rejectsAMissingIdempotencyKeyWith400AndChargesNothing() {
        String account = newAccount("nokey", "10.00");
        deduct(null, account, "1.00").then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("Idempotency-Key header is required"));
        assertBalance(account, "10.00");
    }

    @Test
    void rejectsMalformedIdempotencyKeysWith400() {
        String account = newAccount("badkey", "10.00");
        for (String key : new String[] {"", "has space", "k".repeat(129)}) {
            deduct(key, account, "1.00").then().log().ifValidationFails().statusCode(400)
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        deduct("k".repeat(128), account, "1.00").then().statusCode(200);
        assertBalance(account, "9.00");
    }

    @Test
    void rejectsBadAmountsWith400AndLeavesTheBalanceUnchanged() {
        String account = newAccount("badamount", "100.00");
        String[] amounts = {"-1", "-0.01", "0", "-0", "0.00", "\"NaN\"", "\"10\"", "\"\"", "1.005", "0.001", "1.500",
            "1000000.01", "1000001", "1e400", "1e-400", "9".repeat(500), "1e99999999999", "true", "null", "[]",
            "[5]", "{}", "{\"value\":5}"};
        for (String amount : amounts) {
            deduct(uniqueKey(), account, amount).then().log().ifValidationFails().statusCode(400)
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        deductRaw(uniqueKey(), "{\"account\":\"" + account + "\"}").then().statusCode(400)
                .body("error", equalTo("amount is required"));
        deduct(uniqueKey(), account, "1.005").then().body("error", equalTo("amount must have at most 2 decimals"));
        deduct(uniqueKey(), account, "0").then().body("error", equalTo("amount must be greater than 0"));
        deduct(uniqueKey(), account, "\"5\"").then()
                .body("error", equalTo("field 'amount' is missing, malformed or of the wrong type"));
        assertBalance(account, "100.00");
    }

    @Test
    void acceptsAmountsUpToTheMaximumWithOneOrTwoDecimals() {
        String account = newAccount("rich", "1000000");
        deduct(uniqueKey(), account, "1.5").then().statusCode(200).body("amount", comparesEqualTo(new BigDecimal("1.50")));
        deduct(uniqueKey(), account, "0.01").then().statusCode(200);
        authed().contentType(ContentType.JSON).body("{\"amount\":1.51}").post("/accounts/" + account + "/credit")
                .then().statusCode(200).body("balance", comparesEqualTo(new BigDecimal("1000000")));
        deduct(uniqueKey(), account, "1000000").then().statusCode(200).body("balance", comparesEqualTo(BigDecimal.ZERO));
    }

    @Test
    void rejectsMalformedBodiesAndAccountIdsWith400() {
        String[] bodies = {"{\"account\":", "[]", "\"alice\"", "", "{\"amount\":1}",
            "{\"account\":\"\",\"amount\":1}", "{\"account\":\"../etc\",\"amount\":1}",
            "{\"account\":\"a b\",\"amount\":1}", "{\"account\":\"" + "a".repeat(65) + "\",\"amount\":1}",
"{\"account\":\"alice\",\"amount\":1,\"description\":\""
                + "d".repeat(257) + "\"}"};
        for (String body : bodies) {
            deductRaw(uniqueKey(), body).then().log().ifValidationFails().statusCode(400)
                    .contentType(ContentType.JSON).body("error", notNullValue());
        }
        assertBalance("alice", "100.00");
    }
}
