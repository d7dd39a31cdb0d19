package dev.resilient.backend.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real tokens from the running auth-stub, one per dev user, cached for the test run. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String user) {
        return CACHE.computeIfAbsent(user, u -> given().baseUri(Stubs.get("auth-stub").url())
                .contentType(ContentType.JSON).body(Map.of("username", u, "password", Stubs.password(u)))
                .post("/token").then().statusCode(200).extract().path("access_token"));
    }

    /** Drops cached tokens: after auth-stub restarts with a new key, old tokens stop verifying. */
    public static void forget() {
        CACHE.clear();
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
