package dev.resilient.backend.mode;

import dev.resilient.backend.persistence.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * The operator's override in the job database (table {@code operation_mode_override}, one row),
 * so every backend process sees the same one and a restart keeps it. Plain JDBC, one statement per
 * call in auto-commit ({@link Sql}: bound parameters, instants as UTC timestamps): a single row needs no
 * entity, and each call's only failure is an {@link SQLException}, which becomes {@link UnavailableException}.
 */
@ApplicationScoped
public class ModeOverrideStore {

    /** Seconds a statement may take: a database that hangs must not hold the admin request or the refresh. */
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource db;

    ModeOverrideStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The database could not be reached or refused the statement; nothing was changed. */
    public static class UnavailableException extends RuntimeException {
        UnavailableException(String what, SQLException cause) {
            super("the operation-mode override could not be " + what + ": the job database is unavailable", cause);
        }
    }

    /**
     * The override in force, as a {@link ModeState} with source {@code override} and its reason naming
     * who set it; empty when none is set.
     *
     * @throws UnavailableException when the database cannot be read
     */
    public Optional<ModeState> read() {
        try (Connection c = db.getConnection();
                PreparedStatement s = Sql.prepare(c, "SELECT mode, reason, set_by, set_at FROM operation_mode_override WHERE id = 1")) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getString("mode") == null) {
                    return Optional.empty();
                }
                return Optional.of(ModeState.override(OperationMode.valueOf(r.getString("mode")), r.getString("reason"),
                        r.getString("set_by"), Sql.instant(r, "set_at")));
            }
        } catch (SQLException e) {
            throw new UnavailableException("read", e);
        }
    }

    /**
     * Sets the override for every process, replacing any other.
     *
     * @return the override as {@link #read} will answer it
     * @throws UnavailableException when the database cannot be written; the override is then unchanged
     */
    public ModeState write(OperationMode mode, String reason, String by, Instant at) {
        update("set", mode, reason, by, at);
        return ModeState.override(mode, reason, by, at);
    }

    /**
     * Clears the override for every process: the mode is derived from the breakers again.
     *
     * @throws UnavailableException when the database cannot be written; the override then still holds
     */
    public void clear() {
        update("cleared", null, null, null, null);
    }

    private void update(String what, OperationMode mode, String reason, String by, Instant at) {
        try (Connection c = db.getConnection();
                PreparedStatement s = Sql.prepare(c,
                        "UPDATE operation_mode_override SET mode = ?, reason = ?, set_by = ?, set_at = ? WHERE id = 1",
                        mode, reason, by, at)) {
            s.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            if (s.executeUpdate() != 1) {
                throw new SQLException("table operation_mode_override has no row 1 (its migration made one)");
            }
        } catch (SQLException e) {
            throw new UnavailableException(what, e);
        }
    }
}
