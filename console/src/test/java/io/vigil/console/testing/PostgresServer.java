package io.vigil.console.testing;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.store.jdbc.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, one per test JVM: Debian's {@code postgresql} binaries, a cluster made
 * by {@code initdb} in a temporary directory, listening on a free loopback port with its unix socket in that
 * directory, stopped when the JVM ends.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs as root: then every server command runs as the
 * {@code postgres} system user through {@code runuser}. A test that needs the server calls
 * {@link #shared()}: without the binaries it is skipped (or fails under {@code CI}, which installs them).
 * Each caller gets a fresh database cloned from a template the console's migrations ran on once.
 */
public final class PostgresServer {

    /** The database every test database is copied from, migrated once per JVM. */
    private static final String TEMPLATE = "vigil_template";
    private static final String SUPERUSER = "vigil";
    private static final Duration START_DEADLINE = Duration.ofSeconds(90);

    private static PostgresServer shared;
    private static String unavailable;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger databases = new AtomicInteger();
    private int port;

    private PostgresServer(Path bin, Path dir) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
    }

    /** The JVM's server, started on first use; skips the calling test when PostgreSQL is not installed. */
    public static synchronized PostgresServer shared() {
        if (shared == null && unavailable == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                unavailable = "PostgreSQL server binaries not found (looked in $VIGIL_PG_BIN and"
                        + " /usr/lib/postgresql/*/bin); install Debian's postgresql package to run this test";
            } else {
                shared = start(bin.get());
                Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "postgres-stop"));
            }
        }
        if (shared == null) {
            if (System.getenv("CI") != null) {
                throw new AssertionError(unavailable + " (CI installs it: see .ci/run)");
            }
            Assumptions.abort(unavailable);
        }
        return shared;
    }

    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("VIGIL_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            // Newest major version first: "15" sorts after "9" numerically.
            versions.sorted(Comparator.comparingInt(PostgresServer::majorVersion).reversed())
                    .forEach(v -> candidates.add(v.resolve("bin")));
        } catch (IOException e) {
            // not Debian's layout
        }
        return candidates.stream()
                .filter(b -> Stream.of("initdb", "pg_ctl", "postgres").allMatch(x -> Files.isExecutable(b.resolve(x))))
                .findFirst();
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("vigil-pg-");
            PostgresServer server = new PostgresServer(bin, dir);
            server.initdb();
            server.startOnFreePort();
            server.createTemplate();
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL server: " + e.getMessage(), e);
        }
    }

    private void initdb() throws IOException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-------"));
        giveToServerUser(dir);
        giveToServerUser(pwfile);
        run(Duration.ofMinutes(2), bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER,
                "--pwfile=" + pwfile, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale", "--no-sync");
        Files.delete(pwfile);
    }

    /**
     * Picks a free port and starts there; another process can take the port between the pick and the start,
     * so a failed start is retried on a new port.
     */
    private void startOnFreePort() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            port = freePort();
            try {
                // pg_ctl -w returns once the server accepts connections (it polls, as pg_isready does).
                // fsync and friends are off: this server holds nothing that must survive a crash.
                run(START_DEADLINE, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                        dir.resolve("postgres.log").toString(), "-w", "-t", String.valueOf(START_DEADLINE.toSeconds()),
                        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                        "start");
                awaitConnectable();
                return;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private void awaitConnectable() throws IOException {
        Instant deadline = Instant.now().plus(START_DEADLINE);
        while (true) {
            try (Connection c = DriverManager.getConnection(url("postgres"), SUPERUSER, password)) {
                return;
            } catch (SQLException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("PostgreSQL did not accept connections on port " + port + ": "
                            + e.getMessage() + "\n" + log(), e);
                }
                // Polling with a short pause: pg_ctl -w has normally waited already, so this is a safety net.
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }

    private void createTemplate() throws SQLException {
        execute("postgres", "create database " + TEMPLATE);
        // The console's own migrations, as serve --db runs them; the pool is closed so the copy can start.
        Database.open(config(TEMPLATE), dir).close();
    }

    /** A new, empty-but-migrated database, cloned from the template (much faster than migrating each). */
    public DatabaseConfig.Postgres createDatabase() {
        String name = "vigil_test_" + databases.incrementAndGet();
        try {
            // file_copy copies the template's few files at once; PostgreSQL 15's default (wal_log) copies them
            // block by block through the WAL, which is slower for a template this small.
            execute("postgres", "create database " + name + " template " + TEMPLATE + " strategy file_copy");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return config(name);
    }

    /** Drops a database made by this server once its test is done with it (its connections closed). */
    public void dropDatabase(DatabaseConfig.Postgres database) {
        try {
            execute("postgres", "drop database if exists " + database.database() + " with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database.database() + ": "
                    + e.getMessage(), e);
        }
    }

    /** A new database with nothing in it, not even the console's tables (for migration tests). */
    public DatabaseConfig.Postgres createEmptyDatabase() {
        String name = "vigil_empty_" + databases.incrementAndGet();
        try {
            execute("postgres", "create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return config(name);
    }

    public DatabaseConfig.Postgres config(String database) {
        return new DatabaseConfig.Postgres(url(database), "127.0.0.1:" + port, database, SUPERUSER, password);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public String user() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    private void execute(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), SUPERUSER, password);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private synchronized void stop() {
        try {
            run(Duration.ofSeconds(60), bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
                    "-w", "stop");
        } catch (IOException e) {
            System.err.println("stopping the test PostgreSQL server failed: " + e.getMessage());
        }
        deleteRecursively(dir);
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("postgres.log"));
        } catch (IOException e) {
            return "(no server log)";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** As root the server runs as the postgres user, which must own its directory. */
    private static void giveToServerUser(Path path) throws IOException {
        if (isRoot()) {
            UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(path, users.lookupPrincipalByName("postgres"));
        }
    }

    private void run(Duration timeout, String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        Path output = Files.createTempFile("vigil-pg-cmd", ".log");
        try {
            Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(output) + "\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
