package dev.resilient.backend.it;

import static io.restassured.RestAssured.given;

import dev.resilient.backend.support.ServiceProcess;
import dev.resilient.backend.support.Stubs;
import dev.resilient.kit.secrets.InternalTokenHeader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * The stubs the ingestion path needs, as real processes, and backend processes started from the
 * packaged jars against them: for tests where the backend itself must crash, restart or run twice.
 */
final class LocalSuite implements AutoCloseable {

    final Map<String, ServiceProcess> stubs = new LinkedHashMap<>();

    LocalSuite() {
        for (String m : List.of("auth-stub", "chroma-stub", "filesystem-stub", "git-stub", "llm-stub")) {
            // filesystem and git keep their data on disk, so a test can count what they hold; auth its key, so a restart keeps it
            Map<String, String> props = switch (m) {
                case "filesystem-stub" -> Map.of("filesystem.data-dir", "target/it-filesystem-" + System.nanoTime());
                case "auth-stub" -> Map.of("auth.signing-key.file", "target/it-auth-" + System.nanoTime() + "/signing-key.pem");
                case "git-stub" -> Map.of("git.data-dir", "target/it-git-" + System.nanoTime());
                default -> Map.of();
            };
            ServiceProcess p = new ServiceProcess(m, props);
            p.start();
            stubs.put(m, p);
        }
    }

    /** A backend process wired to these stubs; {@code app} is its packaged folder under target/. */
    ServiceProcess backend(String app, Map<String, String> extra) {
        Map<String, String> props = new HashMap<>();
        props.put("quarkus.rest-client.chroma.url", stubs.get("chroma-stub").url());
        props.put("quarkus.rest-client.filesystem.url", stubs.get("filesystem-stub").url());
        props.put("quarkus.rest-client.git.url", stubs.get("git-stub").url());
        props.put("llm.primary.url", stubs.get("llm-stub").url() + "/v1");
        props.put("llm.secondary.url", stubs.get("llm-stub").url() + "/v1");
        props.put("quarkus.rest-client.billing.url", "http://localhost:1");
        props.put("mp.jwt.verify.publickey.location", stubs.get("auth-stub").url() + "/.well-known/jwks.json");
        props.put("quarkus.rest-client.auth.url", stubs.get("auth-stub").url()); // the login and the active health check
        props.put("backend.jobs.poll-interval", "0.2s");
        props.put("backend.jobs.lease", "PT3S");
        props.put("backend.jobs.heartbeat", "1s");
        props.put("backend.cache.disk.dir", "target/it-backend-cache-" + System.nanoTime()); // each process its own
        props.putAll(extra);
        return new ServiceProcess("backend-api", app, props);
    }

    /** Stops a stub and starts it again on the same port, with the same configuration (its data kept). */
    void restart(String module) {
        ServiceProcess p = stubs.get(module);
        p.stop();
        p.start();
    }

    String token(String user) {
        return given().baseUri(stubs.get("auth-stub").url()).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", Stubs.password(user)))
                .post("/token").then().statusCode(200).extract().path("access_token");
    }

    static String submit(ServiceProcess backend, String token, String project, int documents) {
        List<Map<String, String>> docs = new java.util.ArrayList<>();
        for (int d = 0; d < documents; d++) {
            docs.add(Map.of("id", "doc-" + d, "filename", "doc-" + d + ".md", "content", "document " + d + " of " + project));
        }
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("documents", docs)).post("/v1/api/projects/" + project + "/documents")
                .then().statusCode(202).extract().path("job_id");
    }

    static ValidatableResponse job(ServiceProcess backend, String token, String id) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).get("/v1/api/jobs/" + id).then();
    }

    static void awaitAll(ServiceProcess backend, String token, List<String> jobs, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> jobs.stream()
                .allMatch(j -> "succeeded".equals(job(backend, token, j).extract().path("state"))));
    }

    /** A JDBC URL of an H2 database in a fresh folder under target/, so each backend process has its own jobs. */
    static String freshH2() {
        return "jdbc:h2:file:" + Path.of("target", "it-h2-" + System.nanoTime(), "jobs").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A fresh schema of the local PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres): its JDBC URL and the backend properties that use it. */
    record PostgresSchema(String jdbcUrl, Map<String, String> backendProperties) {
    }

    /** A new schema named {@code prefix} and the time, so each test's backends share a database of their own; Flyway creates it. */
    static PostgresSchema freshPostgres(String prefix) {
        String schema = prefix + System.currentTimeMillis();
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        return new PostgresSchema(url, Map.of("quarkus.datasource.jdbc.url", url, "quarkus.datasource.username", "postgres",
                "quarkus.flyway.schemas", schema));
    }

    static ValidatableResponse search(ServiceProcess backend, String token, String project, String query) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("query", query, "project_id", project)).post("/v1/api/search").then();
    }

    static ValidatableResponse chat(ServiceProcess backend, String token, String project, String message) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("message", message, "project_id", project)).post("/v1/api/chat").then();
    }

    static ValidatableResponse status(ServiceProcess backend, String token) {
        return given().baseUri(backend.url()).header("Authorization", "Bearer " + token).get("/v1/api/status/services").then();
    }

    /** What the process wrote so far (ServiceProcess sends it to target/stub-logs/<module>-<port>.log). */
    static String log(String module, ServiceProcess process) {
        try {
            return new String(Files.readAllBytes(process.log()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ValidatableResponse stub(String module, String path) {
        return given().baseUri(stubs.get(module).url()).header(InternalTokenHeader.NAME, Stubs.TOKEN).get(path).then();
    }

    void chaos(String module, String json) {
        given().baseUri(stubs.get(module).url()).header(InternalTokenHeader.NAME, Stubs.TOKEN).contentType(ContentType.JSON)
                .body(json).put("/_chaos").then().statusCode(200);
    }

    void heal(String module) {
        given().baseUri(stubs.get(module).url()).header(InternalTokenHeader.NAME, Stubs.TOKEN).delete("/_chaos").then().statusCode(200);
    }

    @Override
    public void close() {
        stubs.values().forEach(ServiceProcess::stop);
    }
}
