package dev.resilient.billing;

import static dev.resilient.billing.BillingCalls.assertBalance;
import static dev.resilient.billing.BillingCalls.authed;
import static dev.resilient.billing.BillingCalls.deduct;
import static dev.resilient.billing.BillingCalls.newAccount;
import static dev.resilient.billing.BillingCalls.uniqueKey;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IdempotencyTest {

    @Test
    void replayingAKeyReturnsTheFirstResultAndChargesOnce() {
        String account = newAccount("replay", "30.00");
        String key = uniqueKey();
        String txn = deduct(key, account, "10.00").then().statusCode(200).extract().path("transaction_id");

        deduct(key, account, "10.00").then().statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("transaction_id", equalTo(txn))
                .body("balance", comparesEqualTo(new BigDecimal("20.00")))
                .body("replayed", equalTo(true));
        deduct(key, account, "10").then().statusCode(200).body("transaction_id", equalTo(txn));

        assertBalance(account, "20.00");
        authed().get("/accounts/" + account + "/transactions").then().statusCode(200)
                .body("transactions", hasSize(2))
                .body("transactions[1].transaction_id", equalTo(txn))
                .body("transactions[1].idempotency_key", equalTo(key));
    }

    @Test
    void replayingARefusedKeyAnswers402AgainEvenAfterACredit() {
        String account = newAccount("replay402", "1.00");
        String key = uniqueKey();
        deduct(key, account, "2.00").then().statusCode(402).body("balance", comparesEqualTo(BigDecimal.ONE));
        authed().contentType(ContentType.JSON).body("{\"amount\":10}").post("/accounts/" + account + "/credit")
                .then().statusCode(200);

        deduct(key, account, "2.00").then().statusCode(402)
                .header("Idempotent-Replayed", "true")
                .body("error", equalTo("insufficient funds"))
                .body("balance", comparesEqualTo(BigDecimal.ONE))
                .body("replayed", equalTo(true));
        assertBalance(account, "11.00");
    }

    @Test
    void reusingAKeyForAnotherAmountOrAccountAnswers422AndChargesNothing() {
        String account = newAccount("reuse", "50.00");
        String other = newAccount("reuse-other", "50.00");
        String key = uniqueKey();
        deduct(key, account, "5.00").then().statusCode(200);

        deduct(key, account, "6.00").then().statusCode(422).contentType(ContentType.JSON)
                .body("error", equalTo("Idempotency-Key reused with a different request"));
        deduct(key, other, "5.00").then().statusCode(422);

        assertBalance(account, "45.00");
        assertBalance(other, "50.00");
    }

    @Test
    void parallelRequestsWithOneKeyChargeOnce() throws Exception {
        String account = newAccount("parallel", "100.00");
        String key = uniqueKey();
        List<Response> answers = runConcurrently(16, i -> deduct(key, account, "10.00"));

        answers.forEach(r -> assertEquals(200, r.statusCode(), r.asString()));
        Set<String> transactionIds = answers.stream().map(r -> r.<String>path("transaction_id")).collect(Collectors.toSet());
        assertEquals(1, transactionIds.size(), "every answer names the one transaction");
        assertEquals(1, answers.stream().filter(r -> !r.<Boolean>path("replayed")).count(), "exactly one first answer");
        assertBalance(account, "90.00");
    }

    @Test
    void parallelDeductionsWithDistinctKeysNeverOverdraw() throws Exception {
        String account = newAccount("race", "10.00");
        List<Response> answers = runConcurrently(30, i -> deduct(uniqueKey(), account, "1.00"));

        assertEquals(10, answers.stream().filter(r -> r.statusCode() == 200).count());
        assertEquals(20, answers.stream().filter(r -> r.statusCode() == 402).count());
        assertBalance(account, "0.00");
        authed().get("/accounts/" + account + "/transactions").then().body("transactions", hasSize(11));
    }

    interface Call {
        Response run(int i);
    }

    /** Starts {@code n} calls at once (released together by a latch) and collects every answer. */
    private static List<Response> runConcurrently(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Response> task = () -> {
                    start.await();
                    return call.run(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
