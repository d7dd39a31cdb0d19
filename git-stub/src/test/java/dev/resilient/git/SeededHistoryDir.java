package dev.resilient.git;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Before the app starts: a fresh {@code git.data-dir} holding the history a previous run of the
 * stub would have left for project {@code seeded}, ending in a line cut short by a crash.
 */
public class SeededHistoryDir implements QuarkusTestResourceLifecycleManager {

    static final String FIRST = "aaaaaaaaaaaa";
    static final String SECOND = "bbbbbbbbbbbb";

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target/test-data/git-" + UUID.randomUUID()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("seeded.jsonl"), String.join("\n",
                    "{\"snapshot_id\":\"" + FIRST + "\",\"project_id\":\"seeded\",\"message\":\"first\","
                            + "\"parent_id\":null,\"sequence\":1,\"created_at\":\"2024-01-01T00:00:00Z\"}",
                    "{\"snapshot_id\":\"" + SECOND + "\",\"project_id\":\"seeded\",\"message\":\"second\","
                            + "\"parent_id\":\"" + FIRST + "\",\"sequence\":2,\"created_at\":\"2024-01-02T00:00:00Z\"}",
                    "{\"snapshot_id\":\"cccccccccccc\",\"project_id\":\"seed"));
            Files.writeString(dir.resolve("notes.txt"), "not a history file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("git.data-dir", dir.toString());
    }

    @Override
    public void stop() {
        // left in target/ for inspection; mvn clean removes it
    }
}
