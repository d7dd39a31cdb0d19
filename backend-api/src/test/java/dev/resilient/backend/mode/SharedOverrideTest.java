package dev.resilient.backend.mode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A process's copy of the shared override: it follows the store, changes it store first, and keeps
 * the last known override while the database is unreachable.
 */
class SharedOverrideTest {

    /** The table's one row in memory; {@code down} makes every call fail as an unreachable database does. */
    static final class FakeStore extends ModeOverrideStore {
        Optional<ModeState> row = Optional.empty();
        boolean down;

        FakeStore() {
            super(null);
        }

        @Override
        public Optional<ModeState> read() {
            failIfDown("read");
            return row;
        }

        @Override
        public ModeState write(OperationMode mode, String reason, String by, Instant at) {
            failIfDown("set");
            row = Optional.of(ModeState.override(mode, reason, by, at));
            return row.get();
        }

        @Override
        public void clear() {
            failIfDown("cleared");
            row = Optional.empty();
        }

        private void failIfDown(String what) {
            if (down) {
                throw new UnavailableException(what, new SQLException("connection refused"));
            }
        }
    }

    private final FakeStore store = new FakeStore();

    @Test
    void anOverrideSetByAnotherProcessHoldsHereAfterTheNextRefresh() {
        SharedOverride here = new SharedOverride(store);
        new SharedOverride(store).set(OperationMode.MAINTENANCE, "moving racks", "admin");
        assertEquals(Optional.empty(), here.current(), "no query on the request path: nothing until the refresh");
        here.refresh();
        assertEquals(OperationMode.MAINTENANCE, here.current().orElseThrow().mode());
        assertEquals("moving racks (set by admin)", here.current().orElseThrow().reason());

        new SharedOverride(store).clear();
        here.refresh();
        assertEquals(Optional.empty(), here.current());
    }

    @Test
    void aRestartedProcessStartsInTheStoredOverride() {
        new SharedOverride(store).set(OperationMode.MAINTENANCE, "moving racks", "admin");
        SharedOverride restarted = new SharedOverride(store);
        restarted.onStart(null);
        assertEquals(OperationMode.MAINTENANCE, restarted.current().orElseThrow().mode());
    }

    @Test
    void settingWhileTheDatabaseIsDownFailsAndChangesNothing() {
        SharedOverride here = new SharedOverride(store);
        store.down = true;
        assertThrows(ModeOverrideStore.UnavailableException.class,
                () -> here.set(OperationMode.MAINTENANCE, "moving racks", "admin"));
        assertEquals(Optional.empty(), here.current());
        store.down = false;
        assertEquals(Optional.empty(), store.read());
    }

    @Test
    void clearingWhileTheDatabaseIsDownFailsAndTheOverrideStillHolds() {
        SharedOverride here = new SharedOverride(store);
        here.set(OperationMode.MAINTENANCE, "moving racks", "admin");
        store.down = true;
        assertThrows(ModeOverrideStore.UnavailableException.class, here::clear);
        assertEquals(OperationMode.MAINTENANCE, here.current().orElseThrow().mode());
    }

    @Test
    void whileTheDatabaseIsUnreadableTheLastKnownOverrideStaysInForce() {
        SharedOverride here = new SharedOverride(store);
        new SharedOverride(store).set(OperationMode.MAINTENANCE, "moving racks", "admin");
        here.refresh();
        store.down = true;
        here.refresh();
        here.refresh();
        assertEquals(OperationMode.MAINTENANCE, here.current().orElseThrow().mode());

        store.down = false;
        store.clear();
        here.refresh();
        assertEquals(Optional.empty(), here.current(), "the store's answer wins again once it is back");
    }
}
