package dev.resilient.git;

import static dev.resilient.git.GitTestSupport.authed;
import static dev.resilient.git.GitTestSupport.snapshot;
import static dev.resilient.git.GitTestSupport.uniqueProject;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resilient.git.config.GitConfig;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stub with {@code git.data-dir} set: history survives a restart as JSON lines. */
@QuarkusTest
@WithTestResource(SeededHistoryDir.class)
class PersistentHistoryTest {

    @Inject
    GitConfig config;

    @Inject
    ObjectMapper mapper;

    @Test
    void reloadsThePersistedHistoryAtStartAndContinuesItsChain() throws Exception {
        authed().get("/history/seeded").then().statusCode(200)
                .body("snapshots.snapshot_id", equalTo(List.of(SeededHistoryDir.SECOND, SeededHistoryDir.FIRST)))
                .body("snapshots[0].created_at", equalTo("2024-01-02T00:00:00Z"));
        String third = snapshot("seeded", "third").statusCode(201)
                .body("parent_id", equalTo(SeededHistoryDir.SECOND)).body("sequence", equalTo(3))
                .extract().path("snapshot_id");

        List<String> lines = Files.readAllLines(dataDir().resolve("seeded.jsonl"));
        assertEquals(4, lines.size(), "the line cut short stays isolated on its own line: " + lines);
        assertEquals(third, mapper.readValue(lines.get(3), Map.class).get("snapshot_id"));
    }

    @Test
    void appendsEachSnapshotToItsProjectFileAsOneJsonLine() throws Exception {
        String project = uniqueProject("persisted");
        snapshot(project, "line one\nline two").statusCode(201);
        snapshot(project, "second").statusCode(201);
        List<String> lines = Files.readAllLines(dataDir().resolve(project + ".jsonl"));
        assertEquals(2, lines.size());
        Map<?, ?> first = mapper.readValue(lines.get(0), Map.class);
        assertEquals("line one\nline two", first.get("message"));
        assertEquals(project, first.get("project_id"));
        assertEquals(first.get("snapshot_id"), mapper.readValue(lines.get(1), Map.class).get("parent_id"));
    }

    private Path dataDir() {
        return Path.of(config.dataDir().orElseThrow());
    }
}
