package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.spool.SpoolingRecordSink;
import io.vigil.agent.testing.Alerts;
import io.vigil.agent.testing.TestCertificate;
import io.vigil.agent.testing.TestConsole;
import io.vigil.agent.transport.ConsoleSession;
import io.vigil.agent.transport.SessionIdentity;
import io.vigil.agent.transport.TransportSettings;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.AgentMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spool on a real, small tmpfs that fills up. Before the fix MVStore closed itself on the first failed
 * write and stayed closed: records held in memory were lost on exit and nothing was delivered once space was
 * freed. Needs root to mount; skipped with a message where mounting is not allowed.
 */
class SpoolFullDiskIT {

    private static final TransportSettings FAST = new TransportSettings(Duration.ofMillis(300),
            Duration.ofMillis(100), Duration.ofMillis(400), 100, Duration.ofSeconds(3));
    private static final String CREDENTIAL = "credential-" + "x".repeat(40);

    @TempDir
    Path dir;

    private Path mount;
    private TestConsole console;
    private String deviceId;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void mountSmallDisk() throws Exception {
        mount = dir.resolve("disk");
        Files.createDirectories(mount);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount an 8 MB tmpfs here (needs root): " + output.strip());
        console = new TestConsole(TestCertificate.forLocalhost()).start();
        deviceId = console.registerDevice(CREDENTIAL);
    }

    @AfterEach
    void unmount() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        if (console != null) {
            console.close();
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private AlertSpool spool() {
        AlertSpool spool = AlertSpool.open(mount.resolve("spool.mv.db"));
        open.add(spool);
        return spool;
    }

    private ConsoleSession session(AlertSpool spool) throws java.io.IOException {
        SessionIdentity identity = new SessionIdentity(deviceId, CREDENTIAL, "j.smith",
                new DeviceFacts("lab-07", "Linux", "6.1", "", "test"), "sha256:lists",
                () -> io.vigil.agent.health.Capabilities.of("capture.replay"));
        ConsoleSession session = new ConsoleSession(ConsoleAddress.parse(console.address()),
                console.certificate().pin(), identity, spool, FAST,
                new io.vigil.agent.signing.PolicyReceiver(new io.vigil.agent.signing.PolicyVerifier(java.util.List.of()),
                        new io.vigil.agent.signing.PolicyStore(Files.createTempDirectory("vigil-policy")),
                        new io.vigil.agent.signing.PolicyInForce()));
        open.add(session);
        session.start();
        return session;
    }

    /** Writes zeros until the file system refuses more. */
    private Path fillTheDisk() throws IOException {
        Path filler = mount.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertTrue(String.valueOf(full.getMessage()).contains("No space left"), full.toString());
        }
        return filler;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        // A hang guard, not the expected time: the wait ends at its signal, and a loaded CI machine is slow.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aFullDiskIsReportedAndEveryRecordIsDeliveredOnceWhenSpaceReturnsAndAfterARestart() throws Exception {
        AlertSpool spool = spool();
        SpoolingRecordSink sink = new SpoolingRecordSink(spool);
        List<AlertRecord> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            raised.add(Alerts.sample());
            sink.accept(raised.getLast());
        }
        Path filler = fillTheDisk();
        for (int i = 0; i < 200; i++) {
            raised.add(Alerts.sample());
            sink.accept(raised.getLast());
        }
        assertTrue(sink.held() > 0, "the spool refused records on a full disk, so the sink holds them");
        assertNotNull(spool.writeProblem());

        session(spool);
        await("a heartbeat saying the spool cannot write", () -> console.heartbeats().stream()
                .map(AgentMessage::getHeartbeat).anyMatch(h -> !h.getSpoolWriteFailing().isEmpty()));

        Files.delete(filler);
        assertEquals(0, sink.retryHeld(), "with space back, everything held is written");
        assertNull(spool.writeProblem());
        await("a heartbeat saying all is well again", () -> console.heartbeats().getLast().getHeartbeat()
                .getSpoolWriteFailing().isEmpty());

        await("everything so far stored", () -> console.stored().size() == raised.size());

        // The agent stops; on its next start the disk is full again and fills up while it runs; it is stopped
        // (Agent.close offers held records once more) after space came back, and started a third time.
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        open.clear();
        filler = fillTheDisk();
        AlertSpool again = spool();
        SpoolingRecordSink sinkAgain = new SpoolingRecordSink(again);
        for (int i = 0; i < 20; i++) {
            raised.add(Alerts.sample());
            sinkAgain.accept(raised.getLast());
        }
        assertTrue(sinkAgain.held() > 0);
        Files.delete(filler);
        assertEquals(0, sinkAgain.retryHeld(), "what the agent holds on the way out is written");
        again.close();
        open.clear();

        session(spool());
        await("every record stored", () -> console.stored().size() == raised.size());
        assertEquals(raised.stream().map(a -> a.uuid().toString()).toList(),
                console.received().stream().map(Alert::getUuid).toList(),
                "each record delivered exactly once, in the order raised");
    }
}
