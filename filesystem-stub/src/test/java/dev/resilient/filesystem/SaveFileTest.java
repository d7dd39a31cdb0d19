package dev.resilient.filesystem;

import static dev.resilient.filesystem.FilesystemTestSupport.post;
import static dev.resilient.filesystem.FilesystemTestSupport.save;
import static dev.resilient.filesystem.FilesystemTestSupport.uniqueProject;
import static dev.resilient.filesystem.FilesystemTestSupport.authed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SaveFileTest {

    @Test
    void appendsToAnExistingFileByDefault() {
        String project = uniqueProject("append");
        save(project, "chat_history.md", "\n\n## User\nhi", null).statusCode(200)
                .body("project_id", equalTo(project)).body("file_path", equalTo("chat_history.md"))
                .body("size", equalTo(12)).body("created", equalTo(true));
        authed().header("X-User-ID", project).contentType(ContentType.JSON)
                .body(Map.of("project_id", project, "file_path", "chat_history.md", "content", "\n\n## AI\nhello"))
                .post("/save_file").then().statusCode(200).body("size", equalTo(25)).body("created", equalTo(false));
        authed().get("/projects/" + project + "/files/chat_history.md").then().statusCode(200)
                .body("content", equalTo("\n\n## User\nhi\n\n## AI\nhello"));
    }

    @Test
    void overwriteReplacesTheFileSoASecondSaveIsIdempotent() {
        String project = uniqueProject("overwrite");
        save(project, "docs/a.md", "first version", "overwrite").statusCode(200).body("created", equalTo(true));
        save(project, "docs/a.md", "same text", "overwrite").statusCode(200).body("size", equalTo(9)).body("created", equalTo(false));
        save(project, "docs/a.md", "same text", "overwrite").statusCode(200).body("size", equalTo(9));
        authed().get("/projects/" + project + "/files/docs/a.md").then().body("content", equalTo("same text"));
    }

    @Test
    void createsParentFoldersAndCountsSizeInUtf8Bytes() {
        String project = uniqueProject("nested");
        save(project, "docs/deep/er/Notes v1.2_final-x.md", "héllo €", "overwrite").statusCode(200)
                .body("size", equalTo("héllo €".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        assertTrue(Files.isRegularFile(FilesystemTestSupport.DATA_DIR.resolve(project).resolve("docs/deep/er/Notes v1.2_final-x.md")));
    }

    @Test
    void acceptsContentOfExactlyOneMebibyteAndRejectsOneByteMoreWith413() {
        String project = uniqueProject("big");
        save(project, "big.txt", "a".repeat(1024 * 1024), "overwrite").statusCode(200).body("size", equalTo(1024 * 1024));
        save(project, "bigger.txt", "a".repeat(1024 * 1024 + 1), "overwrite").statusCode(413).body("error", notNullValue());
        assertFalse(Files.exists(FilesystemTestSupport.DATA_DIR.resolve(project).resolve("bigger.txt")));
    }

    @Test
    void rejectsAnUnknownModeWith400AndWritesNothing() {
        String project = uniqueProject("mode");
        save(project, "a.md", "x", "prepend").statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("mode must be 'append' or 'overwrite'"));
        save(project, "a.md", "x", "APPEND").statusCode(400);
        assertFalse(Files.exists(FilesystemTestSupport.DATA_DIR.resolve(project)));
    }

    @Test
    void rejectsMalformedOrIncompleteBodiesWith400() {
        String project = uniqueProject("bad");
        for (String body : new String[] {"{", "[]", "\"text\"", "{}", "{\"project_id\":\"" + project + "\",\"file_path\":\"a.md\"}",
                "{\"project_id\":\"" + project + "\",\"content\":\"x\"}",
                "{\"file_path\":\"a.md\",\"content\":\"x\"}",
                "{\"project_id\":\"" + project + "\",\"file_path\":\"a.md\",\"content\":{\"a\":1}}",
                "{\"project_id\":\"" + project + "\",\"file_path\":[\"a.md\"],\"content\":\"x\"}",
                "{\"project_id\":\"" + project + "\",\"file_path\":\"a.md\",\"content\":\"x\",\"mode\":7}"}) {
            authed().contentType(ContentType.JSON).body(body).post("/save_file").then().log().ifValidationFails()
                    .statusCode(400).contentType(ContentType.JSON).body("error", notNullValue());
        }
        authed().contentType(ContentType.JSON).post("/save_file").then().statusCode(400).body("error", notNullValue());
        assertFalse(Files.exists(FilesystemTestSupport.DATA_DIR.resolve(project)));
    }

    @Test
    void rejectsMalformedProjectIdsWith400() {
        for (String id : new String[] {"", "../escape", "a b", "dot.ted", "x".repeat(65), ".tmp", "a/b", "naïve"}) {
            Map<String, Object> body = new HashMap<>(Map.of("project_id", id, "file_path", "a.md", "content", "x"));
            post(body).log().ifValidationFails().statusCode(400).body("error", notNullValue());
        }
        post(Map.of("project_id", "x".repeat(64), "file_path", "a.md", "content", "x", "mode", "overwrite")).statusCode(200);
    }

    @Test
    void answers409WhenThePathNamesAFolderOrRunsThroughAFile() {
        String project = uniqueProject("conflict");
        save(project, "docs/a.md", "x", null).statusCode(200);
        save(project, "docs", "x", null).statusCode(409).body("error", notNullValue());
        save(project, "docs/a.md/b.md", "x", null).statusCode(409).body("error", notNullValue());
        authed().get("/projects/" + project + "/files/docs/a.md").then().body("content", equalTo("x"));
    }

    @Test
    void keepsEveryConcurrentAppendWhole() throws Exception {
        String project = uniqueProject("concurrent");
        int threads = 8;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    save(project, "log.txt", "line-" + thread + "-" + i + "|" + "z".repeat(500) + "\n", "append").statusCode(200);
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        String content = authed().get("/projects/" + project + "/files/log.txt").then().statusCode(200)
                .extract().path("content");
        String[] lines = content.split("\n");
        assertEquals(threads * perThread, lines.length);
        for (String line : lines) {
            assertTrue(line.matches("line-\\d+-\\d+\\|z{500}"), "interleaved line: " + line);
        }
    }

    @Test
    void aConcurrentReaderNeverSeesAHalfWrittenOverwrite() throws Exception {
        String project = uniqueProject("atomic");
        String a = "a".repeat(256 * 1024);
        String b = "b".repeat(256 * 1024);
        save(project, "doc.txt", a, "overwrite").statusCode(200);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < 40; i++) {
                save(project, "doc.txt", i % 2 == 0 ? b : a, "overwrite").statusCode(200);
            }
            writing.set(false);
        });
        int reads = 0;
        while (writing.get() || reads < 10) {
            String content = authed().get("/projects/" + project + "/files/doc.txt").then().statusCode(200)
                    .extract().path("content");
            assertTrue(content.equals(a) || content.equals(b), "reader saw a partial file of " + content.length() + " chars");
            reads++;
        }
        writer.get(60, TimeUnit.SECONDS);
        pool.shutdown();
        try (var leftovers = Files.list(FilesystemTestSupport.DATA_DIR.resolve(".tmp"))) {
            assertEquals(0, leftovers.filter(p -> p.getFileName().toString().startsWith("save-")).count(),
                    "temporary files left behind");
        }
    }
}
