package dev.resilient.backend.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running stub processes of a test run, by module name, and calls to their chaos API. */
public final class Stubs {

    public static final String TOKEN = "dev-internal-token-NOT-FOR-PRODUCTION";
    private static final Map<String, StubProcess> RUNNING = new ConcurrentHashMap<>();

    private Stubs() {
    }

    static void register(String module, StubProcess process) {
        RUNNING.put(module, process);
    }

    public static StubProcess get(String module) {
        StubProcess p = RUNNING.get(module);
        if (p == null) {
            throw new IllegalStateException(module + " is not running in this test run");
        }
        return p;
    }

    public static void chaos(String module, String json) {
        given().baseUri(get(module).url()).header("X-INTERNAL-TOKEN", TOKEN).contentType(ContentType.JSON)
                .body(json).put("/_chaos").then().statusCode(200);
    }

    public static void heal(String module) {
        given().baseUri(get(module).url()).header("X-INTERNAL-TOKEN", TOKEN).delete("/_chaos").then().statusCode(200);
    }

    /** Requests that reached the stub (its {@code requests_total}), for "the stub saw nothing" checks. */
    public static long requests(String module, String pathPrefix) {
        Map<String, Integer> byPath = given().baseUri(get(module).url()).header("X-INTERNAL-TOKEN", TOKEN)
                .get("/_chaos").then().statusCode(200).extract().jsonPath().getMap("by_path");
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().longValue()).sum();
    }

    /** A call straight to a stub, with the internal token. */
    public static ValidatableResponse get(String module, String path) {
        return given().baseUri(get(module).url()).header("X-INTERNAL-TOKEN", TOKEN).get(path).then();
    }

    public static ValidatableResponse post(String module, String path, String json) {
        return given().baseUri(get(module).url()).header("X-INTERNAL-TOKEN", TOKEN).contentType(ContentType.JSON)
                .body(json).post(path).then();
    }
}
