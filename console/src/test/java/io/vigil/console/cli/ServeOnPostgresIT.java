package io.vigil.console.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.testing.ConsoleJar;
import io.vigil.console.testing.PostgresServer;
import io.vigil.console.testing.TestAgentClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --db jdbc:postgresql://…} as a real process against a real PostgreSQL server. */
class ServeOnPostgresIT {

    private static PostgresServer server;
    private static DatabaseConfig.Postgres database;

    @TempDir
    Path dataDir;

    private ConsoleJar console;

    @BeforeAll
    static void database() {
        server = PostgresServer.shared();
        database = server.createDatabase();
        try (Database db = Database.open(database, Path.of("unused"))) {
            new JdbcSchoolRepository(db.dataSource()).createSchool("Oak Primary", Optional.empty(), Instant.now());
        }
    }

    @BeforeEach
    void credentialsInTheEnvironment() {
        console = new ConsoleJar(Map.of("VIGIL_DB_USER", server.user(), "VIGIL_DB_PASSWORD", server.password()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        console.close();
    }

    @Test
    void alertsIngestedOverTlsAreStoredInPostgresNotInTheDataDirectory() throws Exception {
        ConsoleJar.Result school = console.run(null, "school", "add", "--data", dataDir.toString(), "--db",
                database.url(), "--name", "Elm Academy");
        assertEquals(0, school.exit(), school.err());
        ConsoleJar.Result token = console.run(null, "token", "create", "--data", dataDir.toString(), "--db",
                database.url(), "--school", "Elm Academy");
        assertEquals(0, token.exit(), token.err());
        var serve = console.serve(dataDir, "--db", database.url());

        String uuid;
        try (var agent = new TestAgentClient(serve.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(token.out().strip(), "LAPTOP-PG");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-PG"));
            session.nextAck();
            var alert = TestAgentClient.alert(1, "self_harm", 5, "stored in postgres");
            uuid = alert.getUuid();
            session.send(TestAgentClient.message(alert));
            assertEquals(1, session.nextAck());
        }

        try (Database db = Database.open(database, dataDir)) {
            var stored = new JdbcAlertRepository(db.dataSource()).afterRowId(0, 10);
            assertEquals(List.of(uuid), stored.stream().map(a -> a.uuid()).toList());
            assertEquals("LAPTOP-PG", stored.getFirst().deviceHostname());
            assertEquals(new JdbcSchoolRepository(db.dataSource()).school("Elm Academy").orElseThrow().id(),
                    stored.getFirst().schoolId(), "stored under the token's school");
        }
        assertFalse(Files.exists(dataDir.resolve(Database.H2_FILE)), "no H2 database was made beside PostgreSQL");
    }

    @Test
    void thePasswordCanComeFromAnOwnerOnlyFile() throws Exception {
        Path secret = dataDir.resolve("db-password");
        Files.writeString(secret, server.password() + "\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        ConsoleJar noEnvironment = new ConsoleJar(Map.of());
        try (noEnvironment) {
            ConsoleJar.Result user = noEnvironment.run("correct horse battery staple\n", "user", "add", "--data",
                    dataDir.toString(), "--db", database.url(), "--db-user", server.user(), "--db-password-file",
                    secret.toString(), "--username", "dsl-from-file", "--role", "dsl", "--school", "Oak Primary",
                    "--password-stdin");
            assertEquals(0, user.exit(), user.err());
        }
    }

    @Test
    void anUnreachableServerStopsServeWithOneLineNamingHostAndCause() throws Exception {
        int closedPort = closedPort();
        Path fresh = dataDir.resolve("fresh");
        ConsoleJar.Result result = console.run(null, "serve", "--data", fresh.toString(), "--bind", "127.0.0.1",
                "--http-port", "0", "--grpc-port", "0", "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/vigil");
        assertNotEquals(0, result.exit());
        assertEquals(List.of("vigil-console: cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + "/vigil:"
                + " connection refused (is PostgreSQL running and listening on that port?)"), result.messages(),
                result.err());
    }

    @Test
    void aWrongPasswordStopsServeWithOneLineNamingHostAndCause() throws Exception {
        ConsoleJar wrong = new ConsoleJar(Map.of("VIGIL_DB_USER", server.user(), "VIGIL_DB_PASSWORD", "not-it"));
        try (wrong) {
            ConsoleJar.Result result = wrong.run(null, "serve", "--data", dataDir.toString(), "--bind", "127.0.0.1",
                    "--http-port", "0", "--grpc-port", "0", "--db", database.url());
            assertEquals(1, result.exit(), result.err());
            assertEquals(List.of("vigil-console: cannot connect to PostgreSQL at " + database.describe()
                    + ": password authentication failed for user \"" + server.user() + "\""), result.messages());
            assertFalse(result.err().contains("not-it"), "the password is never repeated");
        }
    }

    @Test
    void aMissingDatabaseStopsServeWithOneLineNamingIt() throws Exception {
        ConsoleJar.Result result = console.run(null, "serve", "--data", dataDir.toString(), "--bind", "127.0.0.1",
                "--http-port", "0", "--grpc-port", "0", "--db", server.url("no_such_db"));
        assertEquals(1, result.exit(), result.err());
        assertEquals(List.of("vigil-console: cannot connect to PostgreSQL at 127.0.0.1:" + server.port()
                + "/no_such_db: database \"no_such_db\" does not exist"), result.messages());
    }

    @Test
    void aMalformedUrlIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path fresh = dataDir.resolve("fresh");
        ConsoleJar.Result result = console.run(null, "serve", "--data", fresh.toString(), "--db",
                "jdbc:postgres://127.0.0.1/vigil");
        assertEquals(1, result.exit(), result.err());
        assertTrue(result.messages().getFirst().contains("expected jdbc:postgresql://HOST[:PORT]/DATABASE"),
                result.err());
        assertEquals(1, result.messages().size(), result.err());
        assertFalse(Files.exists(fresh), "the data directory was not created");
    }

    /** A loopback port nothing listens on (bound, then released; nothing else here takes it in between). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
