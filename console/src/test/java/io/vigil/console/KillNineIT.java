package io.vigil.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.AlertQuery;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.testing.ServeBanner;
import io.vigil.console.testing.TestAgentClient;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Ack promises the device that the console holds the alert, so the device deletes it from its spool. The
 * promise must survive the console being killed with SIGKILL straight after the Ack: nothing else holds the
 * alert any more.
 */
class KillNineIT {

    private static final Path JAR = Path.of(System.getProperty("vigil.console.jar", "target/vigil-console.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    @TempDir
    Path dataDir;

    private Process console;

    @AfterEach
    void stop() {
        if (console != null) {
            console.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedAlertIsStillStoredAfterTheConsoleIsKilledWithSigkill() throws Exception {
        new ConsoleWiring().addSchool(dataDir, "Kill School", Optional.empty());
        String token = new ConsoleWiring().createToken(dataDir, Optional.of("Kill School"));
        int grpcPort = startServe();

        Set<String> acknowledged = new HashSet<>();
        try (var agent = new TestAgentClient(grpcPort, dataDir.resolve("console-cert.pem"))) {
            var device = agent.enrol(token, "LAPTOP-KILL");
            var session = agent.session(device.getDeviceId(), device.getDeviceCredential());
            session.send(TestAgentClient.hello("j.smith", "LAPTOP-KILL"));
            session.nextAck();
            for (long seq = 1; seq <= 20; seq++) {
                var alert = TestAgentClient.alert(seq, "self_harm", 5, "alert number " + seq);
                session.send(TestAgentClient.message(alert));
                assertEquals(seq, session.nextAck());
                acknowledged.add(alert.getUuid());
            }
            // SIGKILL: no shutdown hook, no orderly close of the database.
            console.destroyForcibly();
            assertTrue(console.waitFor(60, TimeUnit.SECONDS), "console killed");
        }

        try (Database db = Database.open(dataDir)) {
            List<String> stored = new JdbcAlertRepository(db.dataSource())
                    .find(AlertQuery.in(io.vigil.console.domain.Scope.of(1)).limit(AlertQuery.MAX_LIMIT).build())
                    .alerts().stream().map(a -> a.uuid()).toList();
            assertEquals(acknowledged, new HashSet<>(stored), "every acknowledged alert survived the kill");
        }
    }

    /** Starts {@code serve} on free ports and returns its gRPC port once it says it is ready. */
    private int startServe() throws Exception {
        console = new ProcessBuilder(JAVA, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(),
                "serve", "--data", dataDir.toString(), "--bind", "127.0.0.1", "--http-port", "0",
                "--grpc-port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String banner = ServeBanner.awaitReady(console);
        Matcher grpc = Pattern.compile("Agent gRPC: 127\\.0\\.0\\.1:(\\d+)").matcher(banner);
        assertTrue(grpc.find(), banner);
        return Integer.parseInt(grpc.group(1));
    }
}
