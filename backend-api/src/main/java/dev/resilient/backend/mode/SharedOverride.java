package dev.resilient.backend.mode;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * This process's copy of the operator's override, which lives in {@link ModeOverrideStore} so that
 * every replica shares it and a restart keeps it. {@link #current()} answers from memory (the request
 * path never queries the database); {@link #refresh()} reloads it, at start and then once a second
 * from {@link OperationModeService}, so a change made on another replica holds here within about a
 * second. While the database is unreachable the last override read stays in force: a replica keeps
 * refusing ingestion in MAINTENANCE rather than silently returning to the automatic mode.
 */
@ApplicationScoped
public class SharedOverride {

    private static final Logger LOG = Logger.getLogger("dev.resilient.backend.mode");

    private final ModeOverrideStore store;
    private volatile Optional<ModeState> known = Optional.empty();
    private boolean unreadable; // guarded by this: the failure is logged once, not every second
    private volatile boolean stopped;

    SharedOverride(ModeOverrideStore store) {
        this.store = store;
    }

    void onStart(@Observes StartupEvent started) {
        refresh(); // a restarted process starts in the override, not in the automatic mode for a second
    }

    void onStop(@Observes ShutdownEvent stopping) {
        stopped = true; // the scheduler may still run a refresh after the pool is closed: no warning for that
    }

    /** The last override read or written by this process; empty when none is set. Never blocks. */
    public Optional<ModeState> current() {
        return known;
    }

    /**
     * Writes the override to the store for every process, then holds it here at once.
     *
     * @throws ModeOverrideStore.UnavailableException when the database cannot be written: nothing
     *         changed, here or elsewhere
     */
    public synchronized ModeState set(OperationMode mode, String reason, String by) {
        // microseconds: what both databases keep, so every process shows the same "since"
        ModeState written = store.write(mode, reason, by, Instant.now().truncatedTo(ChronoUnit.MICROS));
        known = Optional.of(written);
        return written;
    }

    /**
     * Clears the override in the store for every process, then here at once.
     *
     * @throws ModeOverrideStore.UnavailableException when the database cannot be written: the
     *         override still holds, here and elsewhere
     */
    public synchronized void clear() {
        store.clear();
        known = Optional.empty();
    }

    /**
     * Reloads the override from the store. Serialised with {@link #set} and {@link #clear}, so a read
     * that started before a local change never puts the older value back. A failed read keeps the last
     * known override (logged once until the store answers again); it never throws.
     */
    public synchronized void refresh() {
        if (stopped) {
            return;
        }
        try {
            known = store.read();
            if (unreadable) {
                LOG.info("Operation-mode override readable again from the job database");
                unreadable = false;
            }
        } catch (ModeOverrideStore.UnavailableException e) {
            if (!unreadable) {
                LOG.warnf("%s; keeping the last known override (%s) until it answers again", e.getMessage(),
                        known.map(s -> s.mode().name()).orElse("none"));
                unreadable = true;
            }
        }
    }
}
