package io.vigil.console.store.jdbc;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.domain.ConsoleException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The console's database, migrated by Flyway on open: H2 files in the data directory by default, or a
 * PostgreSQL server ({@link PostgresConnections}) shared by several console nodes.
 *
 * <p>{@code AUTO_SERVER=TRUE} lets the admin commands ({@code user add}, {@code token create}) open the
 * same files while {@code serve} is running: the first process serves the database over TCP to the
 * others. That TCP port must not be reachable from the network, hence {@code h2.bindAddress}.
 */
public final class Database implements AutoCloseable {

    /** The embedded database's base name: H2 keeps it in {@code console.mv.db}. */
    static final String H2_NAME = "console";
    public static final String H2_FILE = H2_NAME + ".mv.db";
    public static final String H2_PASSWORD_FILE = DatabasePassword.FILE;

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /** Opens the configured database; {@code dataDir} is only used by the embedded H2 database. */
    public static Database open(DatabaseConfig config, Path dataDir) {
        return switch (config) {
            case DatabaseConfig.Embedded embedded -> open(dataDir);
            case DatabaseConfig.Postgres postgres -> migrated(PostgresConnections.pool(postgres),
                    "PostgreSQL at " + postgres.describe());
        };
    }

    /** Opens (creating if needed) the embedded H2 database in {@code dataDir}. */
    public static Database open(Path dataDir) {
        // H2 reads this system property when it starts its auto-server; there is no per-URL setting.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        String password = DatabasePassword.loadOrCreate(dataDir);
        // WRITE_DELAY=0: by default H2 keeps committed changes in memory for up to a second, so a console
        // killed right after acknowledging an alert lost it although the device had already deleted it.
        String url = "jdbc:h2:file:" + dataDir.resolve(H2_NAME).toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vigil", password);
        pool.setMaxConnections(16);
        return migrated(pool, "the console database");
    }

    private static Database migrated(JdbcConnectionPool pool, String what) {
        try {
            migrate(pool, what);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new Database(pool);
    }

    private static void migrate(DataSource dataSource, String what) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .loggers("slf4j").load().migrate();
        } catch (FlywayException e) {
            throw new ConsoleException("cannot open " + what + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
