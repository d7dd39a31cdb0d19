package dev.resilient.backend.probe;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.sql.Connection;
import java.time.Duration;

/**
 * The job database (jobs and the shared operation-mode override): a connection from the pool that the
 * driver confirms valid. JDBC blocks, so it runs on a worker thread.
 */
final class DatabaseProbe implements Probe {

    static final String COMPONENT = "job-database";

    private final AgroalDataSource db;
    private final int timeoutSeconds;

    DatabaseProbe(AgroalDataSource db, Duration timeout) {
        this.db = db;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public String component() {
        return COMPONENT;
    }

    @Override
    public Uni<Void> run() {
        return Uni.createFrom().<Void>item(() -> {
            try (Connection c = db.getConnection()) {
                if (!c.isValid(timeoutSeconds)) {
                    throw new ProbeFailedException("the connection is not valid");
                }
                return null;
            } catch (java.sql.SQLException e) {
                throw new ProbeFailedException("no connection: " + e.getClass().getSimpleName());
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public String toString() {
        return COMPONENT + " (a valid JDBC connection)";
    }
}
