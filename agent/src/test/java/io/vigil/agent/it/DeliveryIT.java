package io.vigil.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.testing.Alerts;
import io.vigil.agent.testing.TestCertificate;
import io.vigil.agent.testing.TestConsole;
import io.vigil.agent.transport.ConsoleSession;
import io.vigil.agent.transport.SessionIdentity;
import io.vigil.agent.transport.TransportSettings;
import io.vigil.proto.v1.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spool -> session -> a real TLS gRPC console on loopback, including outages and restarts. */
class DeliveryIT {

    private static final TransportSettings FAST = new TransportSettings(Duration.ofMillis(300),
            Duration.ofMillis(100), Duration.ofMillis(400), 100, Duration.ofSeconds(3));
    private static final String CREDENTIAL = "credential-" + "x".repeat(40);

    @TempDir
    Path dir;

    private TestConsole console;
    private String deviceId;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final io.vigil.agent.health.CapabilityBoard capabilities = new io.vigil.agent.health.CapabilityBoard(
            io.vigil.agent.health.Capabilities.of("capture.replay"));

    @BeforeEach
    void startConsole() throws Exception {
        console = new TestConsole(TestCertificate.forLocalhost()).start();
        deviceId = console.registerDevice(CREDENTIAL);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
        console.close();
    }

    private AlertSpool spool() {
        AlertSpool spool = AlertSpool.open(dir.resolve("spool.mv.db"));
        open.add(spool);
        return spool;
    }

    private ConsoleSession session(AlertSpool spool, String credential, CertificatePin pin) {
        return session(spool, credential, pin, FAST);
    }

    /** A started session with these timings; closed after the test. */
    private ConsoleSession session(AlertSpool spool, TransportSettings settings) {
        return session(spool, CREDENTIAL, console.certificate().pin(), settings);
    }

    private ConsoleSession session(AlertSpool spool, String credential, CertificatePin pin,
                                   TransportSettings settings) {
        SessionIdentity identity = new SessionIdentity(deviceId, credential, "j.smith",
                new DeviceFacts("lab-07", "Linux", "6.1", "", "test"), "sha256:lists", capabilities::now);
        // No keys pinned: this suite is about alerts; policy refusal has PolicyPushIT and PolicyReceiverTest.
        ConsoleSession session = new ConsoleSession(ConsoleAddress.parse(console.address()), pin, identity, spool,
                settings, new io.vigil.agent.signing.PolicyReceiver(new io.vigil.agent.signing.PolicyVerifier(
                        java.util.List.of()), new io.vigil.agent.signing.PolicyStore(dir.resolve("state")),
                        new io.vigil.agent.signing.PolicyInForce()));
        open.add(session);
        session.start();
        return session;
    }

    private ConsoleSession session(AlertSpool spool) {
        return session(spool, CREDENTIAL, console.certificate().pin());
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

    /** Waits until the session loop has gone round {@code more} more times than now. */
    private static void awaitTurns(ConsoleSession session, int more) throws InterruptedException {
        long target = session.counters().turns() + more;
        await(more + " more turns of the session loop", () -> session.counters().turns() >= target);
    }

    /** Waits until {@code more} more session calls have ended (and the agent chose when to reconnect). */
    private static void awaitFailedAttempts(ConsoleSession session, int more) throws InterruptedException {
        int target = session.counters().ended() + more;
        await(more + " more ended session calls", () -> session.counters().ended() >= target);
    }

    private static Set<String> uuids(List<AlertRecord> alerts) {
        return alerts.stream().map(a -> a.uuid().toString()).collect(Collectors.toSet());
    }

    @Test
    void alertsAreDeliveredInOrderAcknowledgedAndRemovedFromTheSpool() throws Exception {
        AlertSpool spool = spool();
        List<AlertRecord> raised = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            raised.add(Alerts.sample());
            spool.append(raised.getLast());
        }
        session(spool);
        await("hello", () -> !console.hellos().isEmpty());
        raised.add(Alerts.sample());
        spool.append(raised.getLast());

        await("all alerts acknowledged", () -> spool.depth() == 0 && console.stored().size() == 4);
        assertEquals(List.of(1L, 2L, 3L, 4L), console.received().stream().map(Alert::getSequence).toList());
        assertEquals(uuids(raised), console.stored().keySet());
        Alert first = console.stored().get(raised.getFirst().uuid().toString());
        assertEquals("self_harm", first.getCategory());
        assertEquals(raised.getFirst().snippet(), first.getSnippet());

        var hello = console.hellos().getFirst();
        assertEquals("j.smith", hello.getUser());
        assertEquals("sha256:lists", hello.getListVersion());
        assertEquals(List.of("capture.replay"), hello.getCapabilitiesList());
        assertEquals("lab-07", hello.getDevice().getHostname());
        assertEquals(3, hello.getLastSpooledSequence());
    }

    @Test
    void heartbeatsReportTheSpoolDepth() throws Exception {
        AlertSpool spool = spool();
        session(spool);
        await("a heartbeat", () -> !console.heartbeats().isEmpty());
        assertEquals(0, console.heartbeats().getFirst().getHeartbeat().getSpoolDepth());
        assertEquals("sha256:lists", console.heartbeats().getFirst().getHeartbeat().getListVersion());
    }

    @Test
    void heartbeatsReportACapabilityThatIsLostWhileRunningAndClearItWhenItIsBack() throws Exception {
        session(spool());
        await("a heartbeat", () -> !console.heartbeats().isEmpty());

        capabilities.update("filter.in_path", java.util.Optional.of("the system resolver does not send look-ups "
                + "to the filter"));
        await("a heartbeat saying the filter is not in the path", () -> console.heartbeats().stream()
                .anyMatch(h -> h.getHeartbeat().getUnavailableList().stream()
                        .anyMatch(u -> u.getCapability().equals("filter.in_path")
                                && u.getReason().startsWith("the system resolver"))));

        int seen = console.heartbeats().size();
        capabilities.update("filter.in_path", java.util.Optional.empty());
        await("a heartbeat with nothing unavailable", () -> console.heartbeats().stream().skip(seen)
                .anyMatch(h -> h.getHeartbeat().getUnavailableList().isEmpty()));
    }

    @Test
    void aPingFromTheConsoleIsAnsweredWithAnImmediateHeartbeat() throws Exception {
        AlertSpool spool = spool();
        ConsoleSession session = session(spool, new TransportSettings(Duration.ofHours(1),
                Duration.ofMillis(100), Duration.ofMillis(400), 100, Duration.ofSeconds(3)));
        // The first turn after the mark would send a heartbeat if one were due; then the loop sleeps for the hour.
        await("the first turn of the session loop", () -> session.counters().turns() >= 1);
        assertEquals(0, console.heartbeats().size(), "hourly heartbeat not due yet");
        console.ping();
        await("heartbeat answering the ping", () -> console.heartbeats().size() == 1);
    }

    @Test
    void noMoreThanTheInFlightWindowIsSentWithoutAcknowledgement() throws Exception {
        AlertSpool spool = spool();
        console.setAcking(false);
        ConsoleSession session = session(spool);
        for (int i = 0; i < 150; i++) {
            spool.append(Alerts.sample());
        }
        await("window filled", () -> session.counters().inFlight() == 100);
        awaitTurns(session, 3); // each turn would send whatever the window allowed
        assertEquals(100, console.received().size(), "the agent waits for acknowledgements");
        assertEquals(100, session.counters().inFlight());

        console.setAcking(true);
        console.stop(); // the next session's Hello is answered with the high-water mark 100
        console.start();
        await("the rest delivered", () -> spool.depth() == 0 && console.stored().size() == 150);
        assertEquals(150, console.received().size(), "nothing was sent twice");
    }

    @Test
    void anOutageDelaysAlertsButEveryOneArrivesExactlyOnce() throws Exception {
        AlertSpool spool = spool();
        ConsoleSession session = session(spool);
        List<AlertRecord> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            raised.add(Alerts.sample());
            spool.append(raised.getLast());
        }
        await("first batch stored", () -> console.stored().size() == 5 && spool.depth() == 0);

        console.stop();
        for (int i = 0; i < 20; i++) {
            raised.add(Alerts.sample());
            spool.append(raised.getLast());
        }
        awaitFailedAttempts(session, 2);
        assertEquals(20, spool.depth(), "alerts wait in the spool while the console is down");
        assertEquals(5, console.stored().size());

        console.start();
        await("everything stored after the outage", () -> spool.depth() == 0 && console.stored().size() == 25);
        assertEquals(uuids(raised), console.stored().keySet());
        List<String> receivedUuids = console.received().stream().map(Alert::getUuid).toList();
        assertEquals(25, receivedUuids.size(), "nothing was sent twice: " + receivedUuids.size());
        assertEquals(25, new HashSet<>(receivedUuids).size());
    }

    @Test
    void aRestartedAgentResendsOnlyWhatTheConsoleDoesNotHave() throws Exception {
        AlertSpool spool = spool();
        ConsoleSession first = session(spool);
        List<AlertRecord> delivered = List.of(Alerts.sample(), Alerts.sample(), Alerts.sample());
        delivered.forEach(spool::append);
        await("first alerts acknowledged", () -> spool.depth() == 0);

        console.setDropping(true); // the console fails before storing these two
        List<AlertRecord> lost = List.of(Alerts.sample(), Alerts.sample());
        lost.forEach(spool::append);
        await("lost alerts sent", () -> console.received().size() == 5);
        first.close();
        open.remove(first);
        assertEquals(2, spool.depth());

        console.setDropping(false);
        int before = console.received().size();
        session(spool);
        await("lost alerts stored", () -> spool.depth() == 0 && console.stored().size() == 5);
        List<Alert> resent = console.received().subList(before, console.received().size());
        assertEquals(uuids(lost), resent.stream().map(Alert::getUuid).collect(Collectors.toSet()));
        assertEquals(2, resent.size());
    }

    @Test
    void aRestartAfterALostAckDropsWhatTheConsoleAlreadyHolds() throws Exception {
        AlertSpool spool = spool();
        ConsoleSession first = session(spool);
        console.setAcking(false); // stored, but the Ack never reaches the agent
        List.of(Alerts.sample(), Alerts.sample()).forEach(spool::append);
        await("alerts stored", () -> console.stored().size() == 2);
        first.close();
        open.remove(first);
        assertEquals(2, spool.depth());

        console.setAcking(true);
        int before = console.received().size();
        session(spool);
        await("high-water mark applied", () -> spool.depth() == 0);
        assertEquals(before, console.received().size(), "nothing resent");
    }

    @Test
    void aRejectedCredentialKeepsEveryAlertInTheSpool() throws Exception {
        AlertSpool spool = spool();
        spool.append(Alerts.sample());
        ConsoleSession session = session(spool, "wrong-credential", console.certificate().pin());
        await("session refused", () -> console.sessionCalls() >= 1);
        awaitFailedAttempts(session, 1);
        assertEquals(1, spool.depth());
        assertTrue(console.received().isEmpty());
    }

    @Test
    void aConsoleWithAnotherCertificateGetsNothing() throws Exception {
        AlertSpool spool = spool();
        spool.append(Alerts.sample());
        ConsoleSession session = session(spool, CREDENTIAL, TestCertificate.forLocalhost().pin());
        awaitFailedAttempts(session, 2); // the TLS handshake was tried, and refused, twice
        assertEquals(0, console.sessionCalls(), "no call may reach an unpinned server");
        assertEquals(1, spool.depth());
    }

    @Test
    void aNewSpoolSendsNothingBeforeTheConsolesMarkEvenIfTheMarkIsLate() throws Exception {
        // The old spool was lost; the console holds 1..100 for this device. A slow console answers Hello
        // after the agent's first-mark timeout. Alerts sent meanwhile as 1..3 would be "acknowledged" by
        // the late mark 100 before the console stored them.
        console.holdUpTo(deviceId, 100);
        console.setHelloAckDelay(Duration.ofMillis(1500));
        console.setDropping(true); // and this time the console fails before storing anything
        AlertSpool spool = spool();
        List<AlertRecord> raised = List.of(Alerts.sample(), Alerts.sample(), Alerts.sample());
        raised.forEach(spool::append);
        ConsoleSession session = session(spool, new TransportSettings(Duration.ofSeconds(30),
                Duration.ofMillis(100), Duration.ofMillis(400), 100, Duration.ofMillis(300)));
        await("a late mark", () -> !console.hellos().isEmpty());
        // Each session gives up waiting for the mark and reconnects; two of those is the case under test.
        awaitFailedAttempts(session, 2);
        assertTrue(console.received().isEmpty(), "sent before the mark: " + console.received().size());
        assertEquals(3, spool.depth());

        console.setHelloAckDelay(Duration.ZERO);
        console.setDropping(false);
        await("delivered after reconciling", () -> spool.depth() == 0 && console.stored().size() == 3);
        assertEquals(uuids(raised), console.stored().keySet());
        assertTrue(console.received().stream().allMatch(a -> a.getSequence() > 100), "renumbered above the mark");
    }

    @Test
    void aSessionTheConsoleEndsAtOnceIsRetriedWithGrowingDelays() throws Exception {
        // The console answers Hello, then refuses the first alert. Hearing from the console must not reset
        // the backoff, or every device with such an alert reconnects and resends at the fastest rate forever.
        console.setRefusing(true);
        AlertSpool spool = spool();
        spool.append(Alerts.sample());
        ConsoleSession session = session(spool, new TransportSettings(Duration.ofSeconds(30),
                Duration.ofMillis(50), Duration.ofSeconds(1), 100, Duration.ofSeconds(3)));
        await("first refusal", () -> console.received().size() == 1);
        awaitFailedAttempts(session, 6);
        // Growing delays (with jitter): about 50, 100, 200, 400, 800, then the 1 s cap; a reset backoff stays at 50.
        List<Duration> delays = session.counters().reconnectDelays();
        assertTrue(delays.get(5).compareTo(delays.get(0).multipliedBy(4)) > 0, "delays: " + delays);
        assertEquals(1, spool.depth());
    }

    @Test
    void anAlertTheConsoleRefusesIsSetAsideAndTheAlertsBehindItAreDelivered() throws Exception {
        console.refuseSequence(2);
        AlertSpool spool = spool();
        for (int i = 0; i < 4; i++) {
            spool.append(Alerts.sample());
        }
        session(spool, new TransportSettings(Duration.ofSeconds(30),
                Duration.ofMillis(50), Duration.ofSeconds(1), 100, Duration.ofSeconds(3)));

        await("the three valid alerts stored", () -> console.stored().size() == 3);
        await("the spool emptied of everything but the refused one", () -> spool.depth() == 0);
        assertEquals(1, spool.refusedCount(), "the refused alert is kept on the device, not deleted");
        assertEquals(List.of(1L, 3L, 4L), console.stored().values().stream().map(Alert::getSequence).sorted()
                .toList());
    }
}
