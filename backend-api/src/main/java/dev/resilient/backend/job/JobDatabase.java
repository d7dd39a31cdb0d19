package dev.resilient.backend.job;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs the job store's units of work as plain JDBC transactions on the Agroal datasource Quarkus
 * configures (its pool, its acquisition timeout, and H2's {@code WRITE_DELAY 0} on every new connection:
 * {@link DurableCommits}). A unit of work gets one connection with auto-commit off, is committed when it
 * returns and rolled back when it throws.
 *
 * <p>Why not JTA's {@code @Transactional}: the job store is one store on one datasource, so a unit on one
 * connection is already atomic and nothing needs a transaction manager to coordinate it; without Hibernate
 * ORM around it, this is all the transaction handling the store needs, and leaving ORM out saves the backend
 * about 30 MB of resident memory and a few hundred ms of its start (issue 21). Agroal's JTA integration is
 * switched off ({@code quarkus.datasource.jdbc.transactions=disabled}), so a connection is never enlisted in
 * a transaction it does not know of. A unit that needs another's writes takes its connection as a parameter
 * (e.g. {@link DocumentVersions#register}) instead of joining a thread-bound transaction.
 */
@ApplicationScoped
public class JobDatabase {

    /** A unit of work on one connection; it commits nothing itself. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource db;

    JobDatabase(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * Runs {@code work} in one transaction and answers what it answered, once committed.
     *
     * @throws JobStoreException when the database fails (no connection within the acquisition timeout, a
     *         statement refused, the commit failed): everything {@code work} wrote was rolled back
     * @throws RuntimeException  whatever {@code work} threw (a quota's 4xx, say), after rolling back all it wrote
     */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false); // the pool sets it back on return
            T result;
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            }
            return result;
        } catch (SQLException e) {
            throw new JobStoreException(e);
        }
    }

    /** A rollback that fails (the connection is gone) must not hide why the unit failed: it is attached to it. */
    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
