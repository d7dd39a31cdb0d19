package dev.resilient.git.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.resilient.git.config.GitConfig;
import dev.resilient.git.model.Snapshot;
import dev.resilient.kit.errors.ErrorBody;
import jakarta.ws.rs.WebApplicationException;
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
        return storeOn(dataDir, Long.MAX_VALUE);
    }

    private SnapshotStore storeOn(Optional<String> dataDir, long bytesPerTenant) {
        GitConfig config = new GitConfig() {
            @Override
            public Optional<String> dataDir() {
                return dataDir;
            }

            @Override
            public long maxBytesPerTenant() {
                return bytesPerTenant;
            }
        };
        return new SnapshotStore(new SnapshotJournal(config, mapper), config);
    }

    /** A message that makes a snapshot of a project with a 3-character id weigh {@code bytes}. */
    private static String weighing(int bytes) {
        return "m".repeat(bytes - SnapshotStore.SNAPSHOT_OVERHEAD_BYTES - 3);
    }

    @Test
    void aTenantPastItsHistoryBytesGets507AndNothingRecordedWhileAnotherTenantStillSnapshots() {
        SnapshotStore store = storeOn(Optional.empty(), 1000);
        Snapshot first = store.create("a__", weighing(600), null).snapshot();
        WebApplicationException e = assertThrows(WebApplicationException.class, () -> store.create("a__", weighing(401), null).snapshot());
        assertEquals(507, e.getResponse().getStatus());
        assertEquals("tenant storage full: at most 1000 bytes of history per tenant (git.max-bytes-per-tenant);"
                + " this tenant holds 600 and the request adds 401", ((ErrorBody) e.getResponse().getEntity()).error());
        assertEquals(List.of(first), store.history("a__", 10).snapshots(), "the refused snapshot is not recorded");
        assertThrows(WebApplicationException.class, () -> store.create("a__x", weighing(401) + "m", null),
                "another project of the same tenant shares its bound");

        Snapshot bobs = store.create("b__", weighing(1000), null).snapshot();
        assertEquals(List.of(bobs), store.history("b__", 10).snapshots());
        Snapshot second = store.create("a__", weighing(400), null).snapshot(); // exactly up to the bound
        assertEquals(first.snapshotId(), second.parentId());
    }

    @Test
    void persistedHistoryCountsAgainstItsTenantAfterARestart() {
        storeOn(Optional.of(dir.toString()), 1000).create("a__", weighing(700), null).snapshot();
        SnapshotStore restarted = storeOn(Optional.of(dir.toString()), 1000);
        assertThrows(WebApplicationException.class, () -> restarted.create("a__", weighing(301), null).snapshot());
        restarted.create("a__", weighing(300), null).snapshot();
        assertEquals(2, restarted.history("a__", 10).snapshots().size());
    }

    @Test
    void aSnapshotWeighsItsUtf8MessageAndProjectIdPlusTheOverhead() {
        assertEquals(SnapshotStore.SNAPSHOT_OVERHEAD_BYTES + 4 + 5, SnapshotStore.weight("p__x", "é€", null));
    }

    @Test
    void aSnapshotWeighsItsKeyToo() {
        assertEquals(SnapshotStore.SNAPSHOT_OVERHEAD_BYTES + 4 + 1 + 6, SnapshotStore.weight("p__x", "m", "job-42"));
    }

    @Test
    void aRequestRepeatedWithItsKeyGetsTheRecordedSnapshotAgainAndRecordsNothingAlsoAfterARestart() {
        SnapshotStore store = storeOn(Optional.of(dir.toString()));
        SnapshotOutcome first = store.create("eps", "Ingested 2 documents", "job-1");
        SnapshotOutcome again = store.create("eps", "Ingested 2 documents", "job-1");
        SnapshotOutcome restarted = storeOn(Optional.of(dir.toString())).create("eps", "Ingested 2 documents", "job-1");

        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertTrue(restarted.replayed());
        assertEquals(first.snapshot(), again.snapshot());
        assertEquals(first.snapshot(), restarted.snapshot());
        assertEquals("job-1", first.snapshot().idempotencyKey());
        assertEquals(1, storeOn(Optional.of(dir.toString())).history("eps", 10).snapshots().size());
    }

    @Test
    void aKeyUsedForAnotherMessageIs422AndRecordsNothingWhileWithoutAKeyEveryRequestRecords() {
        SnapshotStore store = storeOn(Optional.empty());
        store.create("zeta", "Ingested 2 documents", "job-1");
        WebApplicationException e = assertThrows(WebApplicationException.class,
                () -> store.create("zeta", "Ingested 3 documents", "job-1"));
        assertEquals(422, e.getResponse().getStatus());
        assertTrue(((ErrorBody) e.getResponse().getEntity()).error().contains("Idempotency-Key 'job-1'"));
        store.create("zeta", "Ingested 2 documents", null);
        store.create("zeta", "Ingested 2 documents", null);
        assertEquals(3, store.history("zeta", 10).snapshots().size());
        assertFalse(store.create("other", "Ingested 2 documents", "job-1").replayed(), "keys are per project");
    }

    @Test
    void aRepeatIsAnsweredEvenWhenTheTenantIsAtItsBound() {
        SnapshotStore store = storeOn(Optional.empty(), SnapshotStore.weight("a__", "m", "k"));
        Snapshot first = store.create("a__", "m", "k").snapshot();
        assertThrows(WebApplicationException.class, () -> store.create("a__", "m", "k2"));
        assertEquals(first, store.create("a__", "m", "k").snapshot());
    }

    @Test
    void aRestartedStoreHasTheSameHistoriesAndContinuesTheChains() {
        SnapshotStore before = storeOn(Optional.of(dir.toString()));
        before.create("alpha", "a1", null).snapshot();
        Snapshot a2 = before.create("alpha", "a2", null).snapshot();
        before.create("beta", "b1", null).snapshot();

        SnapshotStore after = storeOn(Optional.of(dir.toString()));
        assertEquals(before.history("alpha", 100), after.history("alpha", 100));
        assertEquals(before.history("beta", 100), after.history("beta", 100));
        Snapshot a3 = after.create("alpha", "a3", null).snapshot();
        assertEquals(a2.snapshotId(), a3.parentId());
        assertEquals(3, a3.sequence());
        assertEquals(a3, storeOn(Optional.of(dir.toString())).find("alpha", a3.snapshotId()));
    }

    @Test
    void withoutADataDirNothingIsWrittenAndARestartForgets() throws Exception {
        SnapshotStore store = storeOn(Optional.empty());
        Snapshot first = store.create("gamma", "g1", null).snapshot();
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
        Snapshot kept = store.create("delta", "d1", null).snapshot();
        Files.writeString(dir.resolve("delta.jsonl"), "not json\n{\"snapshot_id\":\"x\",\"project_id\":\"other\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("bad name.jsonl"), "");
        SnapshotStore reloaded = storeOn(Optional.of(dir.toString()));
        assertEquals(List.of(kept), reloaded.history("delta", 10).snapshots());
        assertFalse(reloaded.history("delta", 10).snapshots().isEmpty());
    }
}
