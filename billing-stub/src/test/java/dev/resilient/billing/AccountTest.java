package dev.resilient.billing;

import static dev.resilient.billing.BillingCalls.assertBalance;
import static dev.resilient.billing.BillingCalls.authed;
import static dev.resilient.billing.BillingCalls.deduct;
import static dev.resilient.billing.BillingCalls.newAccount;
import static dev.resilient.billing.BillingCalls.uniqueKey;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccountTest {

    @Test
    void seedsTheConfiguredAccounts() {
        authed().get("/accounts/bob").then().statusCode(200)
                .body("account", equalTo("bob")).body("balance", comparesEqualTo(new BigDecimal("100.00")));
        authed().get("/accounts/admin").then().statusCode(200);
    }

    @Test
    void creditCreatesAMissingAccountAndAddsToAnExistingOne() {
        String account = "credit-" + uniqueKey().substring(4, 16);
        authed().contentType(ContentType.JSON).body("{\"amount\":7.25}").post("/accounts/" + account + "/credit")
                .then().statusCode(200).body("account", equalTo(account))
                .body("balance", comparesEqualTo(new BigDecimal("7.25")));
        authed().contentType(ContentType.JSON).body("{\"amount\":2.75}").post("/accounts/" + account + "/credit")
                .then().statusCode(200).body("balance", comparesEqualTo(new BigDecimal("10.00")));
        assertBalance(account, "10.00");
    }

    @Test
    void answers404ForAnUnknownAccount() {
        authed().get("/accounts/no-such-account").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("account 'no-such-account' not found"));
        authed().get("/accounts/no-such-account/transactions").then().statusCode(404);
    }

    @Test
    void rejectsMalformedAccountIdsInThePathWith400() {
        String longId = "a".repeat(65);
        authed().get("/accounts/" + longId).then().statusCode(400).body("error", notNullValue());
        authed().get("/accounts/a%20b").then().statusCode(400);
        authed().contentType(ContentType.JSON).body("{\"amount\":1}").post("/accounts/" + longId + "/credit")
                .then().statusCode(400);
        authed().get("/accounts/" + longId).then().statusCode(400);
    }

    @Test
    void rejectsBadCreditAmountsWith400AndLeavesTheBalanceUnchanged() {
        String account = newAccount("badcredit", "10.00");
        for (String body : new String[] {"{\"amount\":0}", "{\"amount\":-5}", "{\"amount\":\"5\"}",
                "{\"amount\":1.001}", "{\"amount\":1000000.01}", "{}", "{\"amount\":", "[]", ""}) {
            authed().contentType(ContentType.JSON).body(body).post("/accounts/" + account + "/credit")
                    .then().log().ifValidationFails().statusCode(400).body("error", notNullValue());
        }
        assertBalance(account, "10.00");
    }

    @Test
    void listsDeductionsAndCreditsOldestFirst() {
        String account = newAccount("history", "20.00");
        String key = uniqueKey();
        deduct(key, account, "3.00").then().statusCode(200);
        authed().contentType(ContentType.JSON).body("{\"amount\":1}").post("/accounts/" + account + "/credit")
                .then().statusCode(200);
        authed().contentType(ContentType.JSON)
                .header("Idempotency-Key", uniqueKey())
                .body("{\"account\":\"" + account + "\",\"amount\":4,\"description\":\"chat message\"}")
                .post("/deduct").then().statusCode(200);

        authed().get("/accounts/" + account + "/transactions").then().statusCode(200)
                .body("account", equalTo(account))
                .body("transactions", hasSize(4))
                .body("transactions.type", org.hamcrest.Matchers.contains("credit", "deduct", "credit", "deduct"))
                .body("transactions[0].idempotency_key", nullValue())
                .body("transactions[1].idempotency_key", equalTo(key))
                .body("transactions[1].amount", comparesEqualTo(new BigDecimal("3.00")))
                .body("transactions[1].balance_after", comparesEqualTo(new BigDecimal("17.00")))
                .body("transactions[2].balance_after", comparesEqualTo(new BigDecimal("18.00")))
                .body("transactions[3].description", equalTo("chat message"))
                .body("transactions[3].balance_after", comparesEqualTo(new BigDecimal("14.00")))
                .body("transactions[3].at", notNullValue());
    }
}
