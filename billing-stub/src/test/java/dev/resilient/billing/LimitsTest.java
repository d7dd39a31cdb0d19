package dev.resilient.billing;

import static dev.resilient.billing.BillingCalls.assertBalance;
import static dev.resilient.billing.BillingCalls.authed;
import static dev.resilient.billing.BillingCalls.deduct;
import static dev.resilient.billing.BillingCalls.uniqueKey;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(SmallLimitsProfile.class)
class LimitsTest {

    @Test
    void refusesToCreateAccountsPastTheLimitWith507ButStillCreditsExistingOnes() {
        credit("limit-fourth").then().statusCode(200);
        credit("limit-fifth").then().statusCode(507).contentType(ContentType.JSON)
                .body("error", equalTo("account limit of 4 reached"));
        authed().get("/accounts/limit-fifth").then().statusCode(404);
        credit("limit-fourth").then().statusCode(200).body("balance", comparesEqualTo(new BigDecimal("2.00")));
    }

    @Test
    void keepsOnlyTheLatestTransactionsButTheWholeBalance() {
        for (int i = 0; i < 5; i++) {
            deduct(uniqueKey(), "bob", "1.00").then().statusCode(200);
        }
        assertBalance("bob", "95.00");
        authed().get("/accounts/bob/transactions").then().statusCode(200)
                .body("transactions", hasSize(3))
                .body("transactions[2].balance_after", comparesEqualTo(new BigDecimal("95.00")));
    }

    @Test
    void forgetsTheOldestKeyPastTheLimit() {
        String oldest = uniqueKey();
        String recent = uniqueKey();
        deduct(oldest, "admin", "1.00").then().statusCode(200);
        deduct(uniqueKey(), "admin", "1.00").then().statusCode(200);
        deduct(recent, "admin", "1.00").then().statusCode(200);

        deduct(recent, "admin", "1.00").then().statusCode(200).body("replayed", equalTo(true));
        deduct(oldest, "admin", "1.00").then().statusCode(200).body("replayed", equalTo(false));
        assertBalance("admin", "96.00");
    }

    @Test
    void anotherAccountsTrafficNeverPushesOutThisAccountsKey() {
        String mine = uniqueKey();
        deduct(mine, "admin", "1.00").then().statusCode(200);
        for (int i = 0; i < 5; i++) { // bob's refused deductions fill only bob's room
            deduct(uniqueKey(), "bob", "500.00").then().statusCode(402);
        }
        deduct(mine, "admin", "1.00").then().statusCode(200).body("replayed", equalTo(true));
    }

    private static io.restassured.response.Response credit(String account) {
        return authed().contentType(ContentType.JSON).body("{\"amount\":1}").post("/accounts/" + account + "/credit");
    }
}
