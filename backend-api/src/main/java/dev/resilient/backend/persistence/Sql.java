package dev.resilient.backend.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The JDBC steps the backend's stores share (the job store, the operation-mode override): a statement with
 * its values bound as parameters (never written into the SQL), and its rows read. Values map as Hibernate ORM
 * mapped the job entities' fields before, so rows it wrote read back the same: an {@link Instant} is bound as
 * an {@link OffsetDateTime} at UTC (the columns are {@code TIMESTAMP(6) WITH TIME ZONE} on H2,
 * {@code TIMESTAMPTZ} on PostgreSQL), an enum as its name. Every method throws the driver's
 * {@link SQLException}; each store says what it becomes for its callers.
 */
public final class Sql {

    /** Reads one row of a result into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** Runs an insert, update or delete; answers the number of rows it changed. */
    public static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, values)) {
            return s.executeUpdate();
        }
    }

    /** Every row of a query, in its order. */
    public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, values); ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.read(r));
            }
            return rows;
        }
    }

    /** The first row of a query, if any (the driver is told to fetch no more). */
    public static <T> Optional<T> first(Connection c, String sql, Row<T> row, Object... values) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, values)) {
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(row.read(r)) : Optional.empty();
            }
        }
    }

    /** A timestamp column as an instant; null for SQL NULL. */
    public static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** {@code n} parameter markers for an {@code IN (...)} list: {@code ?, ?, ?}. */
    public static String markers(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * A statement with {@code values} bound to its markers in order, for a caller that sets more on it (a query
     * timeout) before it runs; the caller closes it.
     */
    public static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < values.length; i++) {
                bind(s, i + 1, values[i]);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Instant at) {
            s.setObject(index, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        } else if (value instanceof Enum<?> e) {
            s.setString(index, e.name());
        } else {
            s.setObject(index, value);
        }
    }
}
