package dev.resilient.backend.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.resilient.backend.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Quarkus' bearer-token authentication goes through the verified-token cache: a token seen again is
 * not verified again, a token that fails is verified (and refused) every time.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Test
    void aTokenUsedTwiceIsVerifiedOnceAndAForgedOneIsRefusedEveryTime() {
        String token = Tokens.fresh("alice");
        double hits = metric("backend_token_cache_hits_total");
        double misses = metric("backend_token_cache_misses_total");

        given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/any").then().statusCode(404);
        given().header("Authorization", "Bearer " + token).get("/v1/api/jobs/other").then().statusCode(404);
        assertEquals(misses + 1, metric("backend_token_cache_misses_total"), "verified the first time");
        assertEquals(hits + 1, metric("backend_token_cache_hits_total"), "taken as verified the second");

        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + forged).get("/v1/api/jobs/any").then().statusCode(401);
        }
        assertEquals(misses + 3, metric("backend_token_cache_misses_total"), "a forged token is never kept");
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
