package io.vigil.console.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The few JDBC idioms the repositories share, so each repository reads as its SQL. */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface InTransaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Set by the write helpers below, so a transaction that wrote something knows to flush (see transaction). */
    private static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

    private final DataSource dataSource;
    /** Null until the first connection says which database this is. */
    private volatile Boolean embeddedH2;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return transaction(c -> query(c, sql, mapper, params));
    }

    int update(String sql, Object... params) {
        return transaction(c -> update(c, sql, params));
    }

    /**
     * An update of what a device last reported (last seen, facts, capabilities, figures), which the device sends
     * again at its next heartbeat or session: it is committed but not flushed at once on embedded H2 (H2 writes
     * it within its write delay). In the 8:45 storm a flush per Hello write, each a new chunk in the file, was a
     * quarter of the console's CPU. Never for anything a device is told is safe, or that a person did.
     */
    int updateReported(String sql, Object... params) {
        return transaction(c -> {
            int changed = update(c, sql, params);
            WROTE.set(false);
            return changed;
        });
    }

    /**
     * Runs {@code work} in a transaction. On embedded H2 a transaction that wrote is then written to the file
     * ({@code CHECKPOINT}): H2 otherwise keeps commits in memory for up to its write delay, and a console killed
     * in that window would forget, say, a device it had just enrolled. The operating system has the data after
     * this, so it survives the process being killed, but not a power cut: see {@link #durableTransaction}.
     * (H2's write delay stays on because its background thread is also the one that compacts the file.)
     */
    <T> T transaction(InTransaction<T> work) {
        return transaction(work, false);
    }

    /**
     * Like {@link #transaction}, and returns only once the commit is on stable storage, so the caller may tell
     * a device the data is safe. PostgreSQL does that on commit ({@code synchronous_commit} on, its default);
     * embedded H2 needs {@code CHECKPOINT SYNC}, which writes and fsyncs its file.
     */
    <T> T durableTransaction(InTransaction<T> work) {
        return transaction(work, true);
    }

    private <T> T transaction(InTransaction<T> work, boolean durable) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            WROTE.set(false);
            try {
                T result = work.run(c);
                c.commit();
                if ((durable || WROTE.get()) && isEmbeddedH2(c)) {
                    try (var s = c.createStatement()) {
                        s.execute(durable ? "checkpoint sync" : "checkpoint");
                    }
                    c.commit();
                }
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                WROTE.set(false);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private boolean isEmbeddedH2(Connection c) throws SQLException {
        Boolean h2 = embeddedH2;
        if (h2 == null) {
            h2 = isH2(c);
            embeddedH2 = h2;
        }
        return h2;
    }

    /** Whether {@code c} is a connection to an H2 database (embedded, or through its auto-server). */
    static boolean isH2(Connection c) throws SQLException {
        return c.getMetaData().getURL().startsWith("jdbc:h2:");
    }

    /**
     * Runs an idempotent "store unless already there" transaction. The existence check inside cannot see a
     * row another connection (another console node, or a resend racing on a second stream) has inserted but
     * not yet committed; the unique key catches that case, and the loser reports "already stored". Durable,
     * because what a device sends is acknowledged as soon as this returns.
     */
    boolean insertOnce(InTransaction<Boolean> work) {
        try {
            return durableTransaction(work);
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sql && isUniqueViolation(sql)) {
                return false;
            }
            throw e;
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            int changed = ps.executeUpdate();
            if (changed > 0) {
                WROTE.set(true); // an update that matched nothing has nothing to flush
            }
            return changed;
        }
    }

    /**
     * Runs one statement once per row of parameters, as a JDBC batch: for work on many rows that each have a
     * key, where one statement with a long {@code IN} list would make H2 walk every row sharing the list's
     * leading key column instead of looking each one up.
     *
     * @return rows changed in total
     */
    static int updateEach(Connection c, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        WROTE.set(true);
        int changed = 0;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                changed += Math.max(n, 0);
            }
        }
        return changed;
    }

    /** Runs an insert and returns the identity value the database gave the new row's {@code id}. */
    static long insertReturningId(Connection c, String sql, Object... params) throws SQLException {
        WROTE.set(true);
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for the new row");
                }
                return keys.getLong(1);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i] instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : params[i];
            ps.setObject(i + 1, p);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
