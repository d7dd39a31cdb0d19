package dev.resilient.filesystem;

import static dev.resilient.filesystem.FilesystemTestSupport.save;
import static dev.resilient.filesystem.FilesystemTestSupport.uniqueProject;
import static dev.resilient.filesystem.FilesystemTestSupport.authed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectFilesTest {

    @Test
    void listsFilesSortedByRelativePathWithSizeAndModified() {
        String project = uniqueProject("list");
        save(project, "z.md", "zz", "overwrite").statusCode(200);
        save(project, "docs/b.md", "bbb", "overwrite").statusCode(200);
        save(project, "docs/a.md", "a", "overwrite").statusCode(200);
        save(project, "chat_history.md", "hello", null).statusCode(200);
        var body = authed().get("/projects/" + project + "/files").then().statusCode(200).contentType(ContentType.JSON)
                .body("project_id", equalTo(project))
                .body("files.path", equalTo(List.of("chat_history.md", "docs/a.md", "docs/b.md", "z.md")))
                .body("files.size", equalTo(List.of(5, 1, 3, 2)))
                .extract();
        Instant modified = Instant.parse(body.path("files[0].modified"));
        assertTrue(Duration.between(modified, Instant.now()).abs().toMinutes() < 5, "modified " + modified);
    }

    @Test
    void answers404ForAnUnknownProject() {
        authed().get("/projects/never-saved-anything/files").then().statusCode(404).contentType(ContentType.JSON)
                .body("error", equalTo("project 'never-saved-anything' not found"));
        authed().get("/projects/never-saved-anything/files/a.md").then().statusCode(404)
                .body("error", equalTo("project 'never-saved-anything' not found"));
    }

    @Test
    void readsAFileBackAsText() {
        String project = uniqueProject("read");
        save(project, "docs/guide.md", "# Guide\nline two\n", "overwrite").statusCode(200);
        authed().get("/projects/" + project + "/files/docs/guide.md").then().statusCode(200)
                .body("project_id", equalTo(project)).body("path", equalTo("docs/guide.md"))
                .body("content", equalTo("# Guide\nline two\n"));
        save(project, "Notes v2.md", "spaced", "overwrite").statusCode(200);
        authed().get("/projects/" + project + "/files/Notes v2.md").then().statusCode(200).body("content", equalTo("spaced"));
    }

    @Test
    void answers404ForAnUnknownFileOrAFolder() {
        String project = uniqueProject("missing");
        save(project, "docs/a.md", "a", "overwrite").statusCode(200);
        authed().get("/projects/" + project + "/files/docs/b.md").then().statusCode(404)
                .body("error", equalTo("file 'docs/b.md' not found in project '" + project + "'"));
        authed().get("/projects/" + project + "/files/docs").then().statusCode(404);
        authed().get("/projects/" + project + "/files/").then().statusCode(200).body("files", hasSize(1));
    }
}
