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
        return CACHE.computeIfAbsent(user, Tokens::fresh);
    }

    /** A token of the user's that no one has used yet (the backend has not verified it). */
    public static String fresh(String user) {
        return given().baseUri(Stubs.get("auth-stub").url())
                .contentType(ContentType.JSON).body(Map.of("username", user, "password", Stubs.password(user)))
                .post("/token").then().statusCode(200).extract().path("access_token");
    }

    /** Drops cached tokens: after auth-stub restarts with a new key, old tokens stop verifying. */
    public static void forget() {
        CACHE.clear();
    }

    public static String bearer(String user) {
        return "Bearer " + of(user);
    }
}
