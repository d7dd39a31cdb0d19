package dev.resilient.backend.job;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Makes a committed job survive a crash of the backend process on the file-based H2 store. H2
 * writes a commit to its file only after {@code WRITE_DELAY} (500 ms by default), so a process
 * killed with SIGKILL lost the jobs it had just accepted with 202 (found by the chaos soak). Each
 * new pooled connection sets the delay to 0, whatever JDBC URL is configured; the setting is
 * not persistent in H2 and is lost when the database is closed and opened again, hence per
 * connection. Other databases (PostgreSQL) are left alone.
 */
@Unremovable
@ApplicationScoped
public class DurableCommits implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(DurableCommits.class);
    private final AtomicBoolean logged = new AtomicBoolean();

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement s = connection.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
                if (logged.compareAndSet(false, true)) {
                    LOG.info("H2: each commit is written to the file at once (WRITE_DELAY 0), so a crash loses no accepted job");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make H2 commits durable (SET WRITE_DELAY 0)", e);
        }
    }
}
