package dev.resilient.backend.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.backend.support.ServiceProcess;
import dev.resilient.backend.support.Stubs;
import dev.resilient.kit.secrets.InternalTokenHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * auth-stub restarted and its key rotated while the backend runs: no token it issued stops
 * working before it expires, and a token from a new key works at once.
 */
class AuthRestartIT {

    @Test
    void tokensIssuedBeforeAndAfterTwoAuthRestartsWithinAMinuteAllWork() {
        try (LocalSuite suite = new LocalSuite()) {
            ServiceProcess backend = startBackend(suite);
            List<String> tokens = new ArrayList<>(List.of(suite.token("alice")));
            assertAllAccepted(backend, tokens);
            long started = System.nanoTime();
            for (int restart = 1; restart <= 2; restart++) {
                suite.restart("auth-stub");
                tokens.add(suite.token("alice"));
                assertAllAccepted(backend, tokens);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMinutes(1)) < 0, "both restarts fell within one minute");
            backend.stop();
        }
    }

    @Test
    void aRotatedKeyIsAcceptedAtOnceThePreviousKeysTokensKeepWorkingAndASecondRotationWaitsAMinuteAtMost() {
        try (LocalSuite suite = new LocalSuite()) {
            ServiceProcess backend = startBackend(suite);
            List<String> tokens = new ArrayList<>(List.of(suite.token("alice")));
            assertAllAccepted(backend, tokens); // the backend has fetched the JWKS and cached the first key

            rotate(suite);
            tokens.add(suite.token("alice"));
            assertNotEquals(kid(tokens.get(0)), kid(tokens.get(1)), "the rotation changed the signing key");
            assertAllAccepted(backend, tokens); // an unknown kid: the backend fetched the JWKS again at once

            suite.restart("auth-stub");
            tokens.add(suite.token("alice"));
            assertAllAccepted(backend, tokens); // the restart kept the new key and still publishes the previous one

            // a second new key within the minute: the backend fetches the JWKS for it once a minute at most
            // (smallrye.jwt.jwks.forced-refresh-interval), so its tokens work within about a minute, not 30
            rotate(suite);
            String newest = suite.token("alice");
            Awaitility.await().atMost(Duration.ofSeconds(80)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> status(backend, newest) == 404);
            tokens.add(newest);
            assertAllAccepted(backend, tokens);
            backend.stop();
        }
    }

    @Test
    void aBackendStartedWhileAuthIsDownAnswers503ForAGoodTokenNot401AndAcceptsItOnceAuthIsBack() {
        try (LocalSuite suite = new LocalSuite()) {
            String token = suite.token("alice");
            ServiceProcess auth = suite.stubs.get("auth-stub");
            auth.stop();
            ServiceProcess backend = startBackend(suite); // no signing keys yet, and none to fetch

            given().baseUri(backend.url()).header("Authorization", "Bearer " + token).get("/v1/api/jobs/no-such-job")
                    .then().statusCode(503).header("Retry-After", "2").contentType("application/json")
                    .body("error", org.hamcrest.Matchers.startsWith("Authentication unavailable: the auth service's signing keys"));
            given().baseUri(backend.url()).get("/v1/api/jobs/no-such-job").then().statusCode(401); // no token is still a 401

            auth.start();
            assertAllAccepted(backend, List.of(token)); // the next request fetched the keys
            backend.stop();
        }
    }

    @Test
    void aCorruptKeyFileStopsTheStartWithAMessageNamingItAndIsNotReplaced() throws Exception {
        Path file = Path.of("target", "it-auth-corrupt-" + System.nanoTime(), "signing-key.pem").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n");
        ServiceProcess auth = new ServiceProcess("auth-stub", Map.of("auth.signing-key.file", file.toString()));

        assertNotEquals(0, auth.runUntilExit(Duration.ofSeconds(60)));

        assertTrue(LocalSuite.log("auth-stub", auth).contains("auth.signing-key.file " + file), "the log names the file");
        assertEquals("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n", Files.readString(file));
    }

    private static ServiceProcess startBackend(LocalSuite suite) {
        ServiceProcess backend = suite.backend("quarkus-app", Map.of("quarkus.datasource.jdbc.url", LocalSuite.freshH2()));
        backend.start();
        return backend;
    }

    private static void rotate(LocalSuite suite) {
        given().baseUri(suite.stubs.get("auth-stub").url()).header(InternalTokenHeader.NAME, Stubs.TOKEN)
                .post("/keys/rotate").then().statusCode(200);
    }

    /** Each token reaches an authenticated endpoint: 404 for a job nobody has, where a refused token gets 401. */
    private static void assertAllAccepted(ServiceProcess backend, List<String> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(404, status(backend, tokens.get(i)), "token " + i + " of " + tokens.size() + " (kid " + kid(tokens.get(i)) + ")");
        }
    }

    private static int status(ServiceProcess backend, String token) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token)
                .get("/v1/api/jobs/no-such-job").then().extract().statusCode();
    }

    private static String kid(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}
