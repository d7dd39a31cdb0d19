package dev.resilient.filesystem;

import static dev.resilient.filesystem.FilesystemTestSupport.DATA_DIR;
import static dev.resilient.filesystem.FilesystemTestSupport.save;
import static dev.resilient.filesystem.FilesystemTestSupport.uniqueProject;
import static dev.resilient.filesystem.FilesystemTestSupport.authed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resilient.kit.secrets.InternalTokenHeader;
import dev.resilient.stubkit.testing.StubChaosContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PathTraversalTest {

    private static final String[] ESCAPES = {"../x", "a/../../x", "/etc/passwd", "..\\x", "a//b", "a/b/", "./x",
            "~/x", "~root", "a\u0000b", "a\nb", "a\tb", "%2e%2e/x", "C:/x", "a/./b", " ", "a/ /b", "x".repeat(513), "a/" + "x".repeat(256),
            "../" + "contract/notes.md", "..", "."};

    @Test
    void rejectsEveryEscapeInSaveFileWith400AndCreatesNothing() throws IOException {
        String project = uniqueProject("escape");
        Set<Path> before = everythingAround();
        for (String path : ESCAPES) {
            for (String mode : new String[] {"append", "overwrite"}) {
                save(project, path, "pwned", mode).log().ifValidationFails()
                        .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
            }
        }
        assertFalse(Files.exists(DATA_DIR.resolve(project)), "project folder created by a rejected save");
        assertEquals(before, everythingAround(), "a rejected save changed the disk");
    }

    @Test
    void acceptsTheLongestAllowedPath() {
        String project = uniqueProject("long");
        String path = "a".repeat(255) + "/" + "b".repeat(254) + "/c";
        save(project, path, "ok", "overwrite").statusCode(200).body("file_path", equalTo(path));
        save(project, "a/" + "x".repeat(256), "too long a name", "overwrite").statusCode(400);
    }

    @Test
    void rejectsEncodedEscapesInTheReadUrlWith400() {
        String victim = uniqueProject("victim");
        String attacker = uniqueProject("attacker");
        save(victim, "secret.md", "the secret", "overwrite").statusCode(200);
        save(attacker, "mine.md", "mine", "overwrite").statusCode(200);
        for (String encoded : new String[] {"%2e%2e/" + victim + "/secret.md", "%2E%2E/" + victim + "/secret.md",
                "..%2f" + victim + "%2fsecret.md", "%2e%2e%2f" + victim + "%2fsecret.md", "..%5c" + victim + "%5csecret.md",
                "%2e%2e%5c" + victim + "%5csecret.md", "mine.md%00", "a%2f%2fb", "%2fetc%2fpasswd", "~%2fx",
                "docs/%2e%2e/%2e%2e/" + victim + "/secret.md"}) {
            authed().urlEncodingEnabled(false).get("/projects/" + attacker + "/files/" + encoded).then()
                    .log().ifValidationFails().statusCode(400).contentType(ContentType.JSON)
                    .body("error", notNullValue()).body("content", not(equalTo("the secret")));
        }
    }

    @Test
    void rejectsLiteralDotAndEmptySegmentsInTheReadUrlWith400() throws Exception {
        String project = uniqueProject("literal");
        save(project, "docs/a.md", "a", "overwrite").statusCode(200);
        HttpClient client = HttpClient.newHttpClient();
        for (String raw : new String[] {"files/../../contract/files/notes.md", "files/docs/../docs/a.md", "files/./docs/a.md",
                "files/docs//a.md", "files//etc/passwd", "files/docs/.."}) {
            // java.net.http sends the path as written; REST Assured would normalise the dots away
            URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/projects/" + project + "/" + raw);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header(InternalTokenHeader.NAME, StubChaosContract.TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), raw + " -> " + response.body());
            assertTrue(response.body().startsWith("{\"error\":"), response.body());
        }
    }

    @Test
    void rejectsEscapesInTheProjectIdOfTheUrlWith400() {
        for (String encoded : new String[] {"%2e%2e", "a%2fb", "a%20b", "%00"}) {
            authed().urlEncodingEnabled(false).get("/projects/" + encoded + "/files").then()
                    .log().ifValidationFails().statusCode(400).body("error", notNullValue());
        }
    }

    @Test
    void refusesToFollowASymbolicLinkOutOfTheProject() throws IOException {
        String project = uniqueProject("symlink");
        save(project, "a.md", "a", "overwrite").statusCode(200);
        Path outside = Files.createTempDirectory("fs-stub-outside");
        Files.writeString(outside.resolve("secret.md"), "outside secret");
        Files.createSymbolicLink(DATA_DIR.resolve(project).resolve("link"), outside);
        authed().get("/projects/" + project + "/files/link/secret.md").then().statusCode(400).body("error", notNullValue());
        save(project, "link/new.md", "pwned", "overwrite").statusCode(400);
        save(project, "link/secret.md", "pwned", "append").statusCode(400);
        assertEquals("outside secret", Files.readString(outside.resolve("secret.md")));
        assertFalse(Files.exists(outside.resolve("new.md")));
        authed().get("/projects/" + project + "/files").then().statusCode(200).body("files.path", equalTo(java.util.List.of("a.md")));
    }

    /** Every path under the data dir's parent: where an escape from a project folder would land. */
    private static Set<Path> everythingAround() throws IOException {
        try (Stream<Path> walk = Files.walk(DATA_DIR.getParent())) {
            return walk.filter(p -> !p.startsWith(DATA_DIR.resolve(".tmp"))).collect(Collectors.toSet());
        }
    }
}
