package io.vigil.console.store.jdbc;

import io.vigil.console.health.DatabaseCheck;
import io.vigil.console.health.DatabaseProbe;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The health check's view of the database, through a pool of one connection that nothing else uses: under a
 * storm the console's own pool is busy with ingest, and a health check queued behind it would report the
 * queue, not the database.
 */
final class JdbcDatabaseProbe implements DatabaseProbe, AutoCloseable {

    private final JdbcConnectionPool own;
    private final LongSupplier bytes;

    JdbcDatabaseProbe(JdbcConnectionPool own, LongSupplier bytes) {
        this.own = own;
        this.bytes = bytes;
        own.setMaxConnections(1);
    }

    @Override
    public DatabaseCheck check(Duration timeout) {
        int seconds = (int) Math.max(1, timeout.toSeconds());
        own.setLoginTimeout(seconds);
        try (Connection c = own.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(seconds);
            s.execute("select 1");
        } catch (SQLException e) {
            return new DatabaseCheck(false, bytes.getAsLong(), firstLine(e.getMessage()));
        }
        return new DatabaseCheck(true, bytes.getAsLong(), null);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int end = m.indexOf('\n');
        return end < 0 ? m : m.substring(0, end);
    }

    @Override
    public void close() {
        own.dispose();
    }
}
