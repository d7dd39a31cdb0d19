package dev.resilient.backend.support;

import static io.restassured.RestAssured.given;

import dev.resilient.kit.secrets.InternalTokenHeader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running stub processes of a test run, by module name, and calls to their chaos API. */
public final class Stubs {

    /**
     * The internal token of every process the tests start and of the backend under test: the one
     * constant of the test secrets. Not the development default, which a packaged service refuses.
     */
    public static final String TOKEN = "test-internal-token-7c1d52e9a0b84f36";

    /**
     * The auth-stub users every test process knows: auth-stub's own, with test passwords, and carol, a
     * user only the tests add (a tenant no other test's data or quota touches).
     */
    public static final java.util.List<String> USERS = java.util.List.of("alice", "bob", "admin", "carol");
    private static final Map<String, ServiceProcess> RUNNING = new ConcurrentHashMap<>();

    private Stubs() {
    }

    /** The test password of a dev user in every auth-stub process the tests start (not the development default). */
    public static String password(String user) {
        return user + "-test-password";
    }

    /** The secrets a packaged service of this module gets in the tests ({@code -D} properties). */
    static Map<String, String> secrets(String module) {
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        secrets.put("internal.token", TOKEN);
        if (module.equals("auth-stub")) {
            USERS.forEach(u -> secrets.put("auth.users." + u + ".password", password(u)));
            secrets.put("auth.users.carol.groups", "user");
            // its signing key under target/, never in the working directory's data/ (a test may override it)
            secrets.put("auth.signing-key.file", Path.of("target", "test-auth-key-file-" + ProcessHandle.current().pid(),
                    "signing-key.pem").toAbsolutePath().toString());
        }
        return secrets;
    }

    static void register(String module, ServiceProcess process) {
        RUNNING.put(module, process);
    }

    public static ServiceProcess get(String module) {
        ServiceProcess p = RUNNING.get(module);
        if (p == null) {
            throw new IllegalStateException(module + " is not running in this test run");
        }
        return p;
    }

    public static void chaos(String module, String json) {
        given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON)
                .body(json).put("/_chaos").then().statusCode(200);
    }

    public static void heal(String module) {
        given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN).delete("/_chaos").then().statusCode(200);
    }

    /** Zeroes the stub's request and deadline counters ({@code DELETE /_chaos/counters}); the fault stays. */
    public static void resetCounters(String module) {
        given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN).delete("/_chaos/counters").then()
                .statusCode(200);
    }

    /** The stubs the backend calls downstream (auth-stub aside). */
    public static final java.util.List<String> DOWNSTREAMS = java.util.List.of("chroma-stub", "filesystem-stub",
            "billing-stub", "git-stub", "llm-stub", "llm-stub-secondary");

    /** Every downstream stub running and without a fault: the start of each scenario. */
    public static void startAndHealDownstreams() {
        for (String stub : DOWNSTREAMS) {
            get(stub).start();
            heal(stub);
        }
    }

    /** Requests that reached the stub (its {@code requests_total}), for "the stub saw nothing" checks. */
    public static long requests(String module, String pathPrefix) {
        Map<String, Integer> byPath = given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN)
                .get("/_chaos").then().statusCode(200).extract().jsonPath().getMap("by_path");
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().longValue()).sum();
    }

    /** A call straight to a stub, with the internal token. */
    public static ValidatableResponse get(String module, String path) {
        return given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN).get(path).then();
    }

    public static ValidatableResponse post(String module, String path, String json) {
        return given().baseUri(get(module).url()).header(InternalTokenHeader.NAME, TOKEN).contentType(ContentType.JSON)
                .body(json).post(path).then();
    }
}
