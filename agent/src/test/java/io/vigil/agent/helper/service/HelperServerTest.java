package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.agent.alert.AlertRecord;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.helper.client.HelperRefusedException;
import io.vigil.agent.helper.wire.Frames;
import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import io.vigil.agent.policy.NoticeTexts;
import io.vigil.agent.policy.SchoolHours;
import java.util.Map;
import java.util.Optional;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's socket, for real, with a helper of this test's own uid (the other-uid case is an IT). */
class HelperServerTest {

    private static final String ME = System.getProperty("user.name");

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<AlertRecord> spooled = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private HelperServer server;
    /** What the service sends each helper; a test may replace it before start. */
    private java.util.function.Function<String, HelperMessage.Settings> settingsFor = user -> new SessionSettings(
            MonitoringGroup.PUPILS, MonitoringScope.DEFAULTS, CaptureSettings.DEFAULTS,
            DetectionProfile.builtIn(DetectionProfile.Name.ALL), Optional.empty()).toMessage();

    private HelperServer start(Set<String> owners) {
        server = new HelperServer(dir.resolve("run/helper.sock"), new PeerCheck(() -> owners),
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
                events.add("notice " + version + " accepted by " + user);
            }

            @Override
            public void disconnected(String user, boolean saidGoodbye) {
                events.add((saidGoodbye ? "goodbye " : "vanished ") + user);
            }
        }, user -> settingsFor.apply(user)).start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AlertRecord alert(String user) {
        return new AlertRecord(UUID.randomUUID(), "self_harm", 4, 10, List.of("sh-1"), "a bounded snippet", "chromium",
                "Chat", "", user, Instant.now(), "keyboard", "sha256:x");
    }

    @Test
    void theSocketIsReachableByEveryUserAndItsDirectoryReplaceableByNone() throws Exception {
        start(Set.of(ME));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("run"))));
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("run/helper.sock"))));
    }

    @Test
    void aHelperOfTheSessionUserIsAcceptedAndItsAlertIsSpooledAsThatUser() throws Exception {
        start(Set.of(ME));
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            link.capabilities(List.of("capture.keyboard"), java.util.Map.of());
            link.accept(alert(ME));
            AlertRecord stored = spooled.poll(10, TimeUnit.SECONDS);
            assertEquals(ME, stored.user());
            assertEquals("capabilities [capture.keyboard]", events.poll(10, TimeUnit.SECONDS));
        }
        assertEquals("goodbye " + ME, events.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void aHelperForAUserWithoutASessionIsRefusedWithTheReason() {
        start(Set.of("pupil.elsewhere"));
        HelperRefusedException e = assertThrows(HelperRefusedException.class,
                () -> HelperConnection.open(server.socket(), ME));
        assertTrue(e.getMessage().contains("owns no session"), e.getMessage());
    }

    @Test
    void aHelperThatVanishesWithoutGoodbyeIsReported() throws Exception {
        start(Set.of(ME));
        SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX);
        raw.connect(UnixDomainSocketAddress.of(server.socket()));
        DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
        Frames.write(out, io.vigil.agent.helper.wire.HelperCodec.encode(new HelperMessage.Hello(io.vigil.agent.helper.wire.HelperCodec.VERSION, ME)));
        assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
        raw.close(); // as a kill -9 leaves it: no goodbye
        assertEquals("vanished " + ME, events.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void anOversizedFrameClosesTheConnection() throws Exception {
        start(Set.of(ME));
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(server.socket()));
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(raw));
            Frames.write(out, io.vigil.agent.helper.wire.HelperCodec.encode(new HelperMessage.Hello(io.vigil.agent.helper.wire.HelperCodec.VERSION, ME)));
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            out.writeInt(Frames.MAX_FRAME_BYTES + 1);
            out.flush();
            assertEquals("vanished " + ME, events.poll(10, TimeUnit.SECONDS));
            assertTrue(spooled.isEmpty());
        }
    }

    @Test
    void aFloodOfAlertsIsCutToTheRateLimit() throws Exception {
        start(Set.of(ME));
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            for (int i = 0; i < HelperServer.ALERT_BURST + 30; i++) {
                link.accept(alert(ME));
            }
            link.capabilities(List.of("end"), java.util.Map.of()); // frames are handled in order
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            assertEquals("capabilities [end]", events.poll(10, TimeUnit.SECONDS));
            assertTrue(spooled.size() <= HelperServer.ALERT_BURST + 1, "spooled " + spooled.size());
        }
    }

    @Test
    void theHelperHoldsTheSchoolsSettingsForItsUserAsSoonAsItIsConnected() throws Exception {
        MonitoringScope neverPupils = new MonitoringScope(Map.of(MonitoringGroup.PUPILS, MonitoringScope.When.NEVER),
                SchoolHours.DEFAULTS);
        NoticeTexts.Notice notice = NoticeTexts.DEFAULTS.noticeFor(MonitoringGroup.PUPILS);
        settingsFor = user -> new SessionSettings(MonitoringGroup.PUPILS, neverPupils, CaptureSettings.DEFAULTS,
                DetectionProfile.builtIn(DetectionProfile.Name.KS3), Optional.of(notice)).toMessage();
        start(Set.of(ME));
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) {
            SessionSettings got = link.settings();
            assertEquals(MonitoringGroup.PUPILS, got.group());
            assertTrue(!got.scope().covers(MonitoringGroup.PUPILS, Instant.now()), "pupils are never monitored");
            assertEquals(DetectionProfile.builtIn(DetectionProfile.Name.KS3), got.profile());
            assertEquals(Optional.of(notice), got.notice());
            assertEquals("connected " + ME, events.poll(10, TimeUnit.SECONDS));
            link.noticeAccepted(notice.version());
            assertEquals("notice " + notice.version() + " accepted by " + ME, events.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void settingsThatCannotBeSentRefuseTheHelperSoItCapturesNothing() {
        settingsFor = user -> {
            throw new IllegalArgumentException("the school's settings do not fit the helper channel: too long");
        };
        start(Set.of(ME));
        HelperRefusedException e = assertThrows(HelperRefusedException.class,
                () -> HelperConnection.open(server.socket(), ME));
        assertTrue(e.getMessage().contains("do not fit the helper channel"), e.getMessage());
        assertTrue(events.isEmpty(), events::toString);
    }
}
