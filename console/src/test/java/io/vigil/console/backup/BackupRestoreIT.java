package io.vigil.console.backup;

import io.vigil.console.testing.Authenticator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.testing.ConsoleJar;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} while {@code serve} runs and a device keeps sending, then {@code restore} into a new
 * directory: every alert acknowledged before the backup began is there, once, under the same certificate, and
 * the search index is rebuilt when the restored console starts.
 */
class BackupRestoreIT {

    private static final Authenticator AUTH = new Authenticator();

    private static final String PASSWORD = "correct horse battery staple";
    /** Bounds the work on a slow machine; a backup that takes longer than these still ran while they streamed. */
    private static final int MAX_ALERTS = 3_000;

    @TempDir
    Path work;

    private final ConsoleJar console = new ConsoleJar(Map.of());

    @AfterEach
    void stop() throws InterruptedException {
        console.close();
    }

    @Test
    void backupTakenWhileAlertsStreamInRestoresEveryAlertAcknowledgedBeforeIt() throws Exception {
        Path live = work.resolve("live");
        Path archive = work.resolve("vigil-backup.zip");
        Path restored = work.resolve("restored");
        succeed(console.run(null, "school", "add", "--data", live.toString(), "--name", "Oak Primary"));
        String token = succeed(console.run(null, "token", "create", "--data", live.toString())).strip();
        var serve = console.serve(live);

        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstAlerts = new CountDownLatch(25);
        AtomicBoolean stopSending = new AtomicBoolean();
        CompletableFuture<Void> device = new CompletableFuture<>();
        Thread.ofPlatform().name("device").start(() -> {
            try {
                sendUntilStopped(serve.grpcPort(), live.resolve("console-cert.pem"), token, acknowledged,
                        firstAlerts, stopSending);
                device.complete(null);
            } catch (Throwable e) {
                device.completeExceptionally(e);
            }
        });
        assertTrue(firstAlerts.await(60, TimeUnit.SECONDS), "the device is streaming");

        List<String> beforeBackup = List.copyOf(acknowledged);
        succeed(console.run(null, "backup", "--data", live.toString(), "--to", archive.toString()));
        int afterBackup = acknowledged.size();
        awaitAtLeast(acknowledged, Math.min(afterBackup + 5, MAX_ALERTS), device);
        stopSending.set(true);
        device.get(30, TimeUnit.SECONDS);
        assertTrue(afterBackup > beforeBackup.size(), "alerts kept arriving while the backup ran");
        assertEquals(Set.of(PosixFilePermissions.fromString("rw-------").toArray()),
                Set.of(Files.getPosixFilePermissions(archive).toArray()), "the backup is its owner's only");

        String said = succeed(console.run(null, "restore", "--from", archive.toString(), "--data",
                restored.toString()));
        assertTrue(said.contains("the search index is rebuilt"), said);
        assertFalse(Files.exists(restored.resolve("index")), "no index restored: it is rebuilt");

        assertEquals(List.of(0L, 0L), nodeRows(restored), "no console node of the backed-up console is kept:"
                + " its index was not restored, and its outbox would only grow");
        List<String> stored = storedUuids(restored);
        assertEquals(stored.size(), new HashSet<>(stored).size(), "each alert once");
        assertTrue(stored.containsAll(beforeBackup), "every alert acknowledged before the backup began");
        assertTrue(new HashSet<>(acknowledged).containsAll(stored), "nothing that was never sent");
        assertTrue(said.contains("Restored " + stored.size() + " alerts"), said);
        for (String pem : List.of("console-cert.pem", "console-key.pem")) {
            assertEquals(-1, Files.mismatch(live.resolve(pem), restored.resolve(pem)),
                    pem + " restored as it was: agents keep trusting the console");
        }
        String activeKey = Files.readString(live.resolve("signing/active")).strip();
        for (String file : List.of("active", activeKey + ".key", activeKey + ".pub")) {
            assertEquals(-1, Files.mismatch(live.resolve("signing").resolve(file),
                    restored.resolve("signing").resolve(file)), file + " restored: devices keep obeying its policies");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                restored.resolve("signing").resolve(activeKey + ".key"))));

        assertSearchFindsEveryRestoredAlert(restored, stored.size());
    }

    @Test
    void restoreRefusesADirectoryThatIsNotEmptyAndAFileThatIsNoBackup() throws Exception {
        Path live = work.resolve("live");
        succeed(console.run(null, "school", "add", "--data", live.toString(), "--name", "Oak Primary"));
        Path archive = work.resolve("b.zip");
        succeed(console.run(null, "backup", "--data", live.toString(), "--to", archive.toString()));

        Path occupied = Files.createDirectories(work.resolve("occupied"));
        Files.writeString(occupied.resolve("notes.txt"), "keep me");
        var refused = console.run(null, "restore", "--from", archive.toString(), "--data", occupied.toString());
        assertEquals(1, refused.exit());
        assertEquals(List.of("vigil-console: --data " + occupied + " is not empty (1 entries); restore only into a"
                + " new or empty directory, so no console's files are overwritten"), refused.messages());
        assertEquals(List.of(occupied.resolve("notes.txt")), listing(occupied), "nothing written");

        Path notABackup = Files.writeString(work.resolve("photo.zip"), "not a zip at all");
        var wrong = console.run(null, "restore", "--from", notABackup.toString(), "--data",
                work.resolve("new").toString());
        assertEquals(1, wrong.exit());
        assertEquals(List.of("vigil-console: " + notABackup + " is not a Vigil console backup (made by"
                + " 'vigil-console backup')"), wrong.messages());
        assertTrue(listing(work.resolve("new")).isEmpty(), "nothing left behind");
    }

    @Test
    void backupOfADirectoryWithoutADatabaseSaysSo() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        var result = console.run(null, "backup", "--data", empty.toString(), "--to", work.resolve("x.zip").toString());
        assertEquals(1, result.exit());
        assertEquals(List.of("vigil-console: " + empty + " holds no embedded database (console.mv.db); a console"
                + " on PostgreSQL is backed up with pg_dump (see README)"), result.messages());
    }

    /** One device session: send, wait for the Ack, remember the uuid as acknowledged, repeat. */
    private static void sendUntilStopped(int grpcPort, Path certificate, String token, List<String> acknowledged,
                                         CountDownLatch firstAlerts, AtomicBoolean stop) {
        try (var agent = new TestAgentClient(grpcPort, certificate)) {
            var enrolled = agent.enrol(token, "LAPTOP-BACKUP");
            var session = agent.session(enrolled.getDeviceId(), enrolled.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-BACKUP"));
            session.nextAck();
            for (long seq = 1; seq <= MAX_ALERTS && !stop.get(); seq++) {
                var alert = TestAgentClient.alert(seq, "self_harm", 5, "backup alert number " + seq);
                session.send(TestAgentClient.message(alert));
                assertEquals(seq, session.nextAck());
                acknowledged.add(alert.getUuid());
                firstAlerts.countDown();
            }
            session.complete();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAtLeast(List<String> acknowledged, int count, CompletableFuture<Void> device) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (acknowledged.size() < count) {
            if (device.isCompletedExceptionally()) {
                device.join(); // throws, with the device's failure
            }
            assertTrue(Instant.now().isBefore(deadline), "no more alerts within 60 s");
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static List<Long> nodeRows(Path dataDir) throws Exception {
        try (Database db = Database.open(dataDir); var c = db.connection(); var s = c.createStatement()) {
            List<Long> counts = new ArrayList<>();
            for (String table : List.of("console_nodes", "index_outbox")) {
                try (var rs = s.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
            return counts;
        }
    }

    private static List<String> storedUuids(Path dataDir) {
        try (Database db = Database.open(dataDir)) {
            var repository = new JdbcAlertRepository(db.dataSource());
            List<String> uuids = new ArrayList<>();
            long after = 0;
            for (List<StoredAlert> page; !(page = repository.afterRowId(after, 500)).isEmpty(); ) {
                page.forEach(a -> uuids.add(a.uuid()));
                after = page.getLast().rowId();
            }
            return uuids;
        }
    }

    /** Starts serve on the restored directory and waits until a text search sees every alert. */
    private void assertSearchFindsEveryRestoredAlert(Path restored, int expected) throws Exception {
        succeed(console.run(PASSWORD + "\n", "user", "add", "--data", restored.toString(), "--username", "dsl",
                "--role", "dsl", "--password-stdin", "--totp-secret", AUTH.newSecret("dsl")));
        var serve = console.serve(restored);
        HttpsClient client = new HttpsClient(serve.webPort(), restored.resolve("console-cert.pem"));
        var signIn = client.postJson("/api/session", AUTH.sessionJson("dsl", PASSWORD));
        assertEquals(204, signIn.statusCode(), signIn.body());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long total;
        do {
            // Indexing runs in the background after start; poll until it has caught up.
            var response = client.get("/api/alerts?q=backup&limit=1");
            assertEquals(200, response.statusCode(), response.body());
            total = new ObjectMapper().readTree(response.body()).get("total").asLong();
        } while (total < expected && Instant.now().isBefore(deadline)
                && parked(Duration.ofMillis(100)));
        assertEquals(expected, total, "the rebuilt index finds every restored alert");
    }

    private static boolean parked(Duration pause) {
        LockSupport.parkNanos(pause.toNanos());
        return true;
    }

    private static List<Path> listing(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String succeed(ConsoleJar.Result result) {
        assertEquals(0, result.exit(), result.err());
        return result.out();
    }
}
