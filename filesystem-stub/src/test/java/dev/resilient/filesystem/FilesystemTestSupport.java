package dev.resilient.filesystem;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** Shared by the module's tests: unique project ids (one running app, several runs on one data dir) and saving files. */
final class FilesystemTestSupport {

    /** Matches {@code %test.filesystem.data-dir}, relative to the module folder surefire runs in. */
    static final Path DATA_DIR = Path.of("target/test-data/filesystem").toAbsolutePath();

    private FilesystemTestSupport() {
    }

    static String uniqueProject(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code StubChaosContract.authed()} is protected, so tests outside its subclasses build the same request here. */
    static RequestSpecification authed() {
        return RestAssured.given().header(InternalTokenHeader.NAME, StubChaosContract.TOKEN);
    }

    static ValidatableResponse save(String project, String path, String content, String mode) {
        Map<String, Object> body = mode == null
                ? Map.of("project_id", project, "file_path", path, "content", content)
                : Map.of("project_id", project, "file_path", path, "content", content, "mode", mode);
        return post(body);
    }

    static ValidatableResponse post(Object body) {
        return authed().contentType(ContentType.JSON).body(body).post("/save_file").then();
    }
}
