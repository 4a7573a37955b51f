package io.vigil.console;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.testing.ConsoleJar;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.PostgresServer;
import io.vigil.console.testing.TestAgentClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two console processes (two nodes, each with its own data directory, certificate and Lucene index) share one
 * PostgreSQL database. Devices send to either; each node's inbox and each node's text search find every alert,
 * including those the other node stored, through its own HTTPS API.
 */
class TwoConsolesOnePostgresIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    private static final int ALERTS_PER_NODE = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private ConsoleJar console;

    @AfterEach
    void stop() throws InterruptedException {
        if (console != null) {
            console.close();
        }
    }

    @Test
    void bothNodesIngestAndEachFindsEveryAlert() throws Exception {
        PostgresServer server = PostgresServer.shared();
        DatabaseConfig.Postgres database = server.createDatabase();
        console = new ConsoleJar(Map.of("VIGIL_DB_USER", server.user(), "VIGIL_DB_PASSWORD", server.password()));
        Path nodeA = work.resolve("node-a");
        Path nodeB = work.resolve("node-b");
        String db = database.url();
        succeed(console.run(null, "school", "add", "--data", nodeA.toString(), "--db", db, "--name", "Oak Primary"));
        succeed(console.run(PASSWORD + "\n", "user", "add", "--data", nodeA.toString(), "--db", db,
                "--username", "dsl", "--role", "dsl", "--password-stdin", "--totp-secret", AUTH.newSecret("dsl")));
        // Every node opens the same sealed TOTP secrets, so they share the sealing key (see the README).
        java.nio.file.Files.createDirectories(nodeB);
        java.nio.file.Files.copy(nodeA.resolve("totp.key"), nodeB.resolve("totp.key"));
        String token = succeed(console.run(null, "token", "create", "--data", nodeA.toString(), "--db", db)).strip();

        var a = console.serve(nodeA, "--db", db);
        var b = console.serve(nodeB, "--db", db);

        // One device per node, sending at the same time, so both nodes write alerts and outbox rows at once.
        // Two threads of their own: the common pool may have only one on a 2-core machine.
        ExecutorService devices = Executors.newFixedThreadPool(2);
        Set<String> every = new TreeSet<>();
        try {
            var sentToA = devices.submit(() -> send(a.grpcPort(), nodeA, token, "LAPTOP-A"));
            var sentToB = devices.submit(() -> send(b.grpcPort(), nodeB, token, "LAPTOP-B"));
            every.addAll(sentToA.get(60, TimeUnit.SECONDS));
            every.addAll(sentToB.get(60, TimeUnit.SECONDS));
        } finally {
            devices.shutdownNow();
        }
        assertEquals(2 * ALERTS_PER_NODE, every.size());

        for (var node : List.of(a, b)) {
            HttpsClient client = signedIn(node.webPort(), node == a ? nodeA : nodeB);
            assertEquals(every, ids(client, "/api/alerts?limit=500"), "the inbox, from the shared database");
            // Text search goes through this node's own index, fed by its outbox rows from both nodes.
            assertEquals(every, eventually(client, "/api/alerts?q=" + "shared&limit=500", every),
                    "this node's index found the alerts the other node stored");
        }
    }

    /** Enrols through one node and sends its alerts, each acknowledged before the next; returns their uuids. */
    private static List<String> send(int grpcPort, Path dataDir, String token, String hostname) {
        List<String> sent = new ArrayList<>();
        try (var agent = new TestAgentClient(grpcPort, dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(token, hostname);
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", hostname));
            session.nextAck();
            for (long seq = 1; seq <= ALERTS_PER_NODE; seq++) {
                var alert = TestAgentClient.alert(seq, "self_harm", 5, "shared alert " + hostname + " " + seq);
                session.send(TestAgentClient.message(alert));
                assertEquals(seq, session.nextAck());
                sent.add(alert.getUuid());
            }
            session.complete();
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpsClient signedIn(int port, Path dataDir) throws Exception {
        HttpsClient client = new HttpsClient(port, dataDir.resolve("console-cert.pem"));
        var response = client.postJson("/api/session", AUTH.sessionJson("dsl", PASSWORD));
        assertEquals(204, response.statusCode(), response.body());
        return client;
    }

    private static Set<String> ids(HttpsClient client, String path) throws Exception {
        var response = client.get(path);
        assertEquals(200, response.statusCode(), response.body());
        Set<String> ids = new TreeSet<>();
        for (JsonNode alert : JSON.readTree(response.body()).get("alerts")) {
            ids.add(alert.get("id").asText());
        }
        return ids;
    }

    /** Indexing follows storing on a background poll: ask until every alert is found or 60 s pass. */
    private static Set<String> eventually(HttpsClient client, String path, Set<String> expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Set<String> found = ids(client, path);
        while (!found.equals(expected) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            found = ids(client, path);
        }
        return found;
    }

    private static String succeed(ConsoleJar.Result result) {
        assertEquals(0, result.exit(), result.err());
        return result.out();
    }
}
