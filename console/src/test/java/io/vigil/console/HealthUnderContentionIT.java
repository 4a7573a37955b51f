package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.testing.HttpsClient;
import io.vigil.console.testing.TestAgentClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/health} while the database is held by someone else (here: another session in H2's exclusive mode,
 * which stops every other session, the group commit and the health check's own probe alike). Health must still
 * answer, and must not pass its last good figures off as current: once the check is overdue it says so with a
 * 503, and it recovers when the database does. No timing is asserted: the test waits for what health reports.
 */
class HealthUnderContentionIT {

    private static final java.time.Duration HANG_GUARD = java.time.Duration.ofMinutes(2);
    private static final java.time.Duration POLL = java.time.Duration.ofMillis(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthAnswersWhileIngestIsStuckAndSaysTheDatabaseCheckIsOverdue(@TempDir Path dataDir) throws Exception {
        try (var console = StartedConsole.start(new ServeOptions(dataDir, "127.0.0.1", 0, 0), Clock.systemUTC(),
                new SecureRandom());
             var agent = new TestAgentClient(console.grpcPort(), dataDir.resolve("console-cert.pem"))) {
            var http = new HttpsClient(Integer.parseInt(console.webUrl().replaceAll(".*:(\\d+)/$", "$1")),
                    dataDir.resolve("console-cert.pem"));
            JsonNode before = health(http, 200);
            assertEquals("ok", before.get("status").asText());
            assertTrue(before.get("databaseReachable").asBoolean());
            assertTrue(before.get("databaseBytes").asLong() > 0, before.toString());

            var device = agent.enrol(console.createToken("Busy School"), "LAPTOP-BUSY");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-BUSY"));
            session.nextAck();

            try (Database db = Database.open(dataDir); Connection holder = db.connection()) {
                try (Statement s = holder.createStatement()) {
                    s.execute("set exclusive 1");
                }
                // Stuck behind the exclusive session: the group commit cannot store it, so no Ack yet.
                session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "held up")));
                // Every poll must be answered (HttpsClient fails on no answer); the body tells the state.
                JsonNode degraded = awaitHealth(http, "degraded");
                assertEquals("degraded", degraded.get("status").asText());
                // Overdue (the check is stuck behind the exclusive session) or failed: either way, said.
                assertTrue(degraded.get("problem").asText().contains("database"), degraded.toString());
                try (Statement s = holder.createStatement()) {
                    s.execute("set exclusive 0");
                }
            }
            assertEquals(1, session.nextAck(), "the alert held up is stored and acknowledged once the database is free");
            JsonNode after = awaitHealth(http, "ok");
            assertTrue(after.get("databaseReachable").asBoolean());
        }
    }

    private static JsonNode health(HttpsClient http, int status) throws Exception {
        HttpResponse<String> response = http.get("/api/health");
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /**
     * Asks /api/health until it reports {@code status}: the state changes when the console's own background check
     * next runs (every second), which a test cannot be told of, so it reads the answer as a monitor would. The
     * deadline is a hang guard, not the expected time; every answer must be 200 or 503.
     */
    private static JsonNode awaitHealth(HttpsClient http, String status) throws Exception {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            HttpResponse<String> response = http.get("/api/health");
            assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.body());
            JsonNode body = JSON.readTree(response.body());
            if (status.equals(body.get("status").asText())) {
                return body;
            }
            assertTrue(System.nanoTime() < deadline, () -> "health never said " + status + ": " + body);
            Thread.sleep(POLL.toMillis());
        }
    }
}
