package io.vigil.console.store.jdbc;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;
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
    private final LongSupplier storageBytes;
    /** A second pool on the same database, for the health check alone (see {@link #probe}). */
    private final java.util.function.Supplier<JdbcConnectionPool> probePool;
    private JdbcDatabaseProbe probe;

    private Database(JdbcConnectionPool pool, LongSupplier storageBytes,
                     java.util.function.Supplier<JdbcConnectionPool> probePool) {
        this.pool = pool;
        this.storageBytes = storageBytes;
        this.probePool = probePool;
    }

    /** Opens the configured database; {@code dataDir} is only used by the embedded H2 database. */
    public static Database open(DatabaseConfig config, Path dataDir) {
        return switch (config) {
            case DatabaseConfig.Embedded embedded -> open(dataDir);
            case DatabaseConfig.Postgres postgres -> {
                JdbcConnectionPool pool = PostgresConnections.pool(postgres);
                yield migrated(pool, "PostgreSQL at " + postgres.describe(), () -> postgresSize(pool),
                        () -> PostgresConnections.pool(postgres));
            }
        };
    }

    /** Opens (creating if needed) the embedded H2 database in {@code dataDir}. */
    public static Database open(Path dataDir) {
        // H2 reads this system property when it starts its auto-server; there is no per-URL setting.
        System.setProperty("h2.bindAddress", "127.0.0.1");
        String password = DatabasePassword.loadOrCreate(dataDir);
        // H2's default write delay stays: WRITE_DELAY=0 also stopped H2's background thread, the only place its
        // file compaction runs, and the file grew by about 41 KB per alert. Durability comes from the store
        // instead: a transaction that wrote is flushed to the file, and one whose data is acknowledged to a device
        // is synced to disk (Jdbc.transaction and Jdbc.durableTransaction).
        String url = "jdbc:h2:file:" + dataDir.resolve(H2_NAME).toAbsolutePath()
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "vigil", password);
        pool.setMaxConnections(16);
        Path file = dataDir.resolve(H2_FILE);
        Database db = migrated(pool, "the console database", () -> fileSize(file),
                () -> JdbcConnectionPool.create(url, "vigil", password));
        try (Connection c = pool.getConnection()) {
            H2WriteBuffer.widen(c, H2WriteBuffer.bytesFor(Runtime.getRuntime().maxMemory()));
        } catch (SQLException e) {
            db.close();
            throw new StoreException(e);
        }
        return db;
    }

    private static Database migrated(JdbcConnectionPool pool, String what, LongSupplier storageBytes,
                                     java.util.function.Supplier<JdbcConnectionPool> probePool) {
        try {
            migrate(pool, what);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return new Database(pool, storageBytes, probePool);
    }

    /** Bytes the database takes on disk, -1 if that cannot be read now; for health monitoring. */
    public long storageBytes() {
        return storageBytes.getAsLong();
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static long postgresSize(DataSource pool) {
        try {
            return new Jdbc(pool).query("select pg_database_size(current_database())", rs -> rs.getLong(1))
                    .getFirst();
        } catch (StoreException e) {
            return -1;
        }
    }

    private static void migrate(DataSource dataSource, String what) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .javaMigrations(new V17__ForeignKeysWithoutIndexesOnH2()).loggers("slf4j").load().migrate();
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

    /**
     * The health check's probe: its own connection (opened on first use, closed with this database), so
     * checking never waits behind ingest for one of the console's connections.
     */
    public synchronized io.vigil.console.health.DatabaseProbe probe() {
        if (probe == null) {
            probe = new JdbcDatabaseProbe(probePool.get(), this::storageBytes);
        }
        return probe;
    }

    /**
     * Compacts the embedded H2 file for at most {@code maxTime}, moving chunks so the file shrinks (see
     * {@link io.vigil.console.health.IdleCompaction}); PostgreSQL, or a process that reaches the H2 file through
     * another process's auto-server, leaves that to the database. H2 has no SQL for an online compaction, so this
     * goes through H2's own store object.
     *
     * @return the size on disk afterwards
     */
    public long compact(java.time.Duration maxTime) {
        try (Connection c = pool.getConnection()) {
            embeddedStore(c).ifPresent(store -> store.compactFile((int) maxTime.toMillis()));
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return storageBytes();
    }

    /**
     * H2's own store object behind {@code c}, when this process holds the H2 file itself: empty for PostgreSQL and
     * for a connection through another process's auto-server.
     */
    static java.util.Optional<org.h2.mvstore.db.Store> embeddedStore(Connection c) throws SQLException {
        if (c.isWrapperFor(org.h2.jdbc.JdbcConnection.class) && c.unwrap(org.h2.jdbc.JdbcConnection.class)
                .getSession() instanceof org.h2.engine.SessionLocal local) {
            return java.util.Optional.ofNullable(local.getDatabase().getStore());
        }
        return java.util.Optional.empty();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (probe != null) {
                probe.close();
            }
        }
        pool.dispose();
    }
}
