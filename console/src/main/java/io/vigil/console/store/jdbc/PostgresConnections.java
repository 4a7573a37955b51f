package io.vigil.console.store.jdbc;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.domain.ConsoleException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.util.PSQLException;

/**
 * Pooled connections to PostgreSQL, proven to work before anything else starts.
 *
 * <p>The pool is H2's {@link JdbcConnectionPool}, which pools any {@code ConnectionPoolDataSource}: the
 * console already ships it for the embedded database, and pgjdbc reports broken connections to it
 * (connectionErrorOccurred), so a connection lost to a server restart is dropped rather than reused.
 */
final class PostgresConnections {

    /** Long enough for a server across a school's network, short enough that a typo'd host fails while watched. */
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final int MAX_CONNECTIONS = 16;

    private PostgresConnections() {
    }

    static JdbcConnectionPool pool(DatabaseConfig.Postgres config) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        try {
            source.setURL(config.url());
        } catch (IllegalArgumentException e) {
            throw new ConsoleException("--db: '" + config.url() + "' is not a usable PostgreSQL URL: "
                    + e.getMessage());
        }
        source.setUser(config.user());
        source.setPassword(config.password());
        source.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        source.setApplicationName("vigil-console");
        source.setTcpKeepAlive(true);
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            pool.dispose();
            throw new ConsoleException("cannot connect to PostgreSQL at " + config.describe() + ": " + cause(e), e);
        }
        return pool;
    }

    /** One line an administrator can act on, from the many shapes pgjdbc's failures take. */
    static String cause(SQLException e) {
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return firstLine(psql.getServerErrorMessage().getMessage()); // e.g. password authentication failed
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return switch (root) {
            case UnknownHostException u -> "unknown host " + u.getMessage();
            case ConnectException c -> "connection refused (is PostgreSQL running and listening on that port?)";
            case NoRouteToHostException n -> "no route to host";
            case SocketTimeoutException t -> "no answer within " + CONNECT_TIMEOUT_SECONDS + " s";
            default -> firstLine(String.valueOf(root.getMessage()));
        };
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse(message).strip();
    }
}
