package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.alert.Screenshot;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.evidence.ScreenshotPolicy;
import io.vigil.agent.help.HelpDesk;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.helper.wire.HelperCodec;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Screenshots and Get-help requests over the service's real socket, from a real and from a forged helper. */
class HelperServerEvidenceAndHelpTest {

    private static final String ME = System.getProperty("user.name");
    private static final CaptureSettings SHOTS = new CaptureSettings(true, true, Duration.ofSeconds(1), List.of(),
            Set.of(), Set.of(CaptureSettings.ALL), 3, Set.of());

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<AlertRecord> spooled = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private HelperServer server;

    private HelperServer start(UnaryOperator<HelperServer> extras) {
        server = extras.apply(new HelperServer(dir.resolve("run/helper.sock"), new PeerCheck(() -> Set.of(ME)),
                new HelperAlerts(Clock.systemUTC()), spooled::add, new HelperListener() {
            @Override
            public void connected(String user) {
                events.add("connected " + user);
            }

            @Override
            public void capabilities(String user, HelperMessage.Capabilities c) {
                events.add("capabilities " + c.available());
            }

            @Override
            public void noticeAccepted(String user, String version) {
            }

            @Override
            public void disconnected(String user, boolean saidGoodbye) {
                events.add((saidGoodbye ? "goodbye " : "vanished ") + user);
            }
        }, user -> new SessionSettings(MonitoringGroup.PUPILS, MonitoringScope.DEFAULTS, SHOTS,
                DetectionProfile.builtIn(DetectionProfile.Name.ALL), Optional.empty(), true).toMessage()));
        return server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AlertRecord alert(String category, Optional<Screenshot> shot) {
        return new AlertRecord(UUID.randomUUID(), category, 4, 10, List.of("r-1"), "a bounded snippet", "chromium",
                "Chat", "", "claimed.by.helper", Instant.now(), "keyboard", "sha256:x").withScreenshot(shot);
    }

    @Test
    void aHelpersScreenshotCrossesInChunksAndIsSpooledWithItsAlert() throws Exception {
        start(s -> s.withEvidence(new ScreenshotPolicy(SHOTS)));
        byte[] png = EvidenceInboxTest.png(1280, 1024, 5 * HelperCodec.EVIDENCE_CHUNK_BYTES + 123);
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            assertEquals(Set.of(CaptureSettings.ALL), link.settings().capture().screenshotCategories());
            AlertRecord sent = alert("self_harm", Optional.of(new Screenshot("image/png", png, 1280, 1024)));
            link.accept(sent);
            AlertRecord stored = spooled.poll(10, TimeUnit.SECONDS);
            assertEquals(sent.uuid(), stored.uuid());
            assertEquals(ME, stored.user());
            assertArrayEquals(png, stored.screenshot().orElseThrow().data());
        }
    }

    @Test
    void aForgedHelpersScreenshotForASexualAlertIsDroppedTheAlertKeptAndTheHelperHeard() throws Exception {
        start(s -> s.withEvidence(new ScreenshotPolicy(SHOTS)));
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(server.socket()));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
            DataInputStream in = new DataInputStream(Channels.newInputStream(raw));
            Frames.write(out, HelperCodec.encode(new HelperMessage.Hello(HelperCodec.VERSION, ME)));
            Frames.read(in); // Accepted
            Frames.read(in); // Settings
            String uuid = UUID.randomUUID().toString();
            byte[] png = EvidenceInboxTest.png(640, 480, 200);
            Frames.write(out, HelperCodec.encode(new HelperMessage.EvidenceStart(uuid, "image/png", 640, 480, 200, 1)));
            Frames.write(out, HelperCodec.encode(new HelperMessage.EvidenceChunk(uuid, 0, png)));
            Frames.write(out, HelperCodec.encode(new HelperMessage.MatchedAlert(uuid, "sexual_content", 5, 10,
                    List.of("sx-1"), "a bounded snippet", "chromium", "Chat", "", System.currentTimeMillis(),
                    "keyboard", "sha256:x", "en")));
            AlertRecord stored = spooled.poll(10, TimeUnit.SECONDS);
            assertEquals(uuid, stored.uuid().toString());
            assertTrue(stored.screenshot().isEmpty(), "a sexual-content alert never carries a screenshot");

            // Chunks out of order and for no alert cost the screenshot only: the helper is still heard.
            Frames.write(out, HelperCodec.encode(new HelperMessage.EvidenceChunk(uuid, 7, png)));
            Frames.write(out, HelperCodec.encode(new HelperMessage.Capabilities(List.of("still.heard"),
                    java.util.Map.of())));
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            assertEquals("capabilities [still.heard]", events.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aServiceWithoutScreenshotsKeepsTheAlertAndDropsThePicture() throws Exception {
        start(UnaryOperator.identity());
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            link.accept(alert("self_harm", Optional.of(new Screenshot("image/png",
                    EvidenceInboxTest.png(64, 64, 100), 64, 64))));
            assertTrue(spooled.poll(10, TimeUnit.SECONDS).screenshot().isEmpty());
        }
    }

    @Test
    void aHelpRequestBecomesAPupilRequestForTheVerifiedUserAndBadOnesAreRefused() throws Exception {
        start(s -> s.withHelp(java.util.Optional.of(new HelperHelp(spooled::add, 4, Clock.systemUTC()))));
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            link.askForHelp("no_such_kind", "forged");
            link.askForHelp("need_help", "someone keeps following me home");
            AlertRecord asked = spooled.poll(10, TimeUnit.SECONDS);
            assertEquals(HelpDesk.CATEGORY, asked.category());
            assertEquals(ME, asked.user());
            assertEquals(4, asked.severity());
            assertEquals("someone keeps following me home", asked.snippet());
            for (int i = 0; i < HelperServer.HELP_BURST + 3; i++) {
                link.askForHelp("report", "again " + i);
            }
            link.capabilities(List.of("end"), java.util.Map.of()); // frames are handled in order
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            assertEquals("capabilities [end]", events.poll(10, TimeUnit.SECONDS));
            // The refused request counted against the limit too: a flood of garbage is still a flood.
            assertEquals(HelperServer.HELP_BURST - 2, spooled.size(), "the rate limit");
        }
    }

    @Test
    void withTheHelpPageOffARequestIsRefused() throws Exception {
        start(UnaryOperator.identity());
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            link.askForHelp("need_help", "hello");
            link.capabilities(List.of("end"), java.util.Map.of());
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            assertEquals("capabilities [end]", events.poll(10, TimeUnit.SECONDS));
            assertTrue(spooled.isEmpty());
        }
    }
}
