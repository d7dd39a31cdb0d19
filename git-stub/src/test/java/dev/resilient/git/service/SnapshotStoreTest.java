package dev.resilient.git.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.resilient.git.model.Snapshot;
import jakarta.ws.rs.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store and its journal without the app: what one process writes, the next one reads back. */
class SnapshotStoreTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path dir;

    private SnapshotStore storeOn(Optional<String> dataDir) {
        return new SnapshotStore(new SnapshotJournal(() -> dataDir, mapper));
    }

    @Test
    void aRestartedStoreHasTheSameHistoriesAndContinuesTheChains() {
        SnapshotStore before = storeOn(Optional.of(dir.toString()));
        before.create("alpha", "a1");
        Snapshot a2 = before.create("alpha", "a2");
        before.create("beta", "b1");

        SnapshotStore after = storeOn(Optional.of(dir.toString()));
        assertEquals(before.history("alpha", 100), after.history("alpha", 100));
        assertEquals(before.history("beta", 100), after.history("beta", 100));
        Snapshot a3 = after.create("alpha", "a3");
        assertEquals(a2.snapshotId(), a3.parentId());
        assertEquals(3, a3.sequence());
        assertEquals(a3, storeOn(Optional.of(dir.toString())).find("alpha", a3.snapshotId()));
    }

    @Test
    void withoutADataDirNothingIsWrittenAndARestartForgets() throws Exception {
        SnapshotStore store = storeOn(Optional.empty());
        Snapshot first = store.create("gamma", "g1");
        assertNull(first.parentId());
        assertEquals(first, store.find("gamma", first.snapshotId()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
        assertThrows(NotFoundException.class, () -> storeOn(Optional.empty()).history("gamma", 10));
    }

    @Test
    void skipsLinesThatDoNotParseAndFilesThatAreNoProjects() throws Exception {
        SnapshotStore store = storeOn(Optional.of(dir.toString()));
        Snapshot kept = store.create("delta", "d1");
        Files.writeString(dir.resolve("delta.jsonl"), "not json\n{\"snapshot_id\":\"x\",\"project_id\":\"other\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("bad name.jsonl"), "");
        SnapshotStore reloaded = storeOn(Optional.of(dir.toString()));
        assertEquals(List.of(kept), reloaded.history("delta", 10).snapshots());
        assertFalse(reloaded.history("delta", 10).snapshots().isEmpty());
    }
}
