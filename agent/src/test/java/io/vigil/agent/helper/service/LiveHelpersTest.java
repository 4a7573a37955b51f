package io.vigil.agent.helper.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vigil.agent.config.CaptureSettings;
import io.vigil.agent.helper.client.HelperConnection;
import io.vigil.agent.helper.wire.HelperMessage;
import io.vigil.agent.helper.wire.SessionSettings;
import io.vigil.agent.policy.DetectionProfile;
import io.vigil.agent.policy.MonitoringGroup;
import io.vigil.agent.policy.MonitoringScope;
import io.vigil.agent.policy.SchoolHours;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the service sends connected helpers after the handshake, over the real socket. */
class LiveHelpersTest {

    private static final String ME = System.getProperty("user.name");
    private static final HelperMessage.ListsChanged LISTS = new HelperMessage.ListsChanged("sha256:" + "ab".repeat(32),
            "sha256:" + "cd".repeat(32));

    @TempDir
    Path dir;

    private final AtomicReference<MonitoringScope.When> when = new AtomicReference<>(MonitoringScope.When.ALWAYS);
    private final AtomicReference<Optional<HelperMessage.ListsChanged>> lists = new AtomicReference<>(Optional.empty());
    private final LinkedBlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private HelperServer server;

    private HelperMessage.Settings settings(String user) {
        MonitoringScope scope = new MonitoringScope(Map.of(MonitoringGroup.PUPILS, when.get()), SchoolHours.DEFAULTS);
        return new SessionSettings(MonitoringGroup.PUPILS, scope, CaptureSettings.DEFAULTS,
                DetectionProfile.builtIn(DetectionProfile.Name.ALL), Optional.empty()).toMessage();
    }

    private HelperServer start() {
        server = new HelperServer(dir.resolve("run/helper.sock"), new PeerCheck(() -> Set.of(ME)),
                new HelperAlerts(Clock.systemUTC()), alert -> { }, new HelperListener() {
            @Override
            public void connected(String user) {
            }

            @Override
            public void capabilities(String user, HelperMessage.Capabilities c) {
            }

            @Override
            public void noticeAccepted(String user, String version) {
            }

            @Override
            public void listsInUse(String user, String version, String problem) {
                heard.add(user + " uses " + version + (problem.isEmpty() ? "" : " (" + problem + ")"));
            }

            @Override
            public void disconnected(String user, boolean saidGoodbye) {
                heard.add(user + " gone");
            }
        }, this::settings, lists::get).start();
        return server;
    }

    private HelperConnection connect() throws Exception {
        HelperConnection link = HelperConnection.open(server.socket(), ME);
        link.listen(new HelperConnection.Updates() {
            @Override
            public void settings(SessionSettings settings) {
                received.add(settings);
            }

            @Override
            public void lists(HelperMessage.ListsChanged announced) {
                received.add(announced);
            }
        });
        return link;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void changedSettingsReachAConnectedHelperAndUnchangedOnesAreNotSentAgain() throws Exception {
        start();
        try (HelperConnection link = connect()) {
            assertEquals(MonitoringScope.When.ALWAYS, link.settings().scope().whenFor(MonitoringGroup.PUPILS));
            server.settingsChanged(); // nothing changed: nothing sent
            when.set(MonitoringScope.When.NEVER);
            server.settingsChanged();

            SessionSettings changed = (SessionSettings) received.poll(10, TimeUnit.SECONDS);
            assertEquals(MonitoringScope.When.NEVER, changed.scope().whenFor(MonitoringGroup.PUPILS));
            assertEquals(MonitoringScope.When.NEVER, link.settings().scope().whenFor(MonitoringGroup.PUPILS));
            assertNull(received.poll(200, TimeUnit.MILLISECONDS), "the unchanged settings were sent again");
        }
    }

    @Test
    void aHelperConnectingWhileListsAreInForceIsToldAfterItsSettingsAndItsAnswerReachesTheService() throws Exception {
        lists.set(Optional.of(LISTS));
        start();
        try (HelperConnection link = connect()) {
            assertEquals(LISTS, received.poll(10, TimeUnit.SECONDS));
            link.listsInUse(new HelperMessage.ListsInUse(LISTS.version(), ""));
            assertEquals(ME + " uses " + LISTS.version(), heard.poll(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void newListsAreAnnouncedToEveryConnectedHelper() throws Exception {
        start();
        try (HelperConnection first = connect(); HelperConnection second = connect()) {
            lists.set(Optional.of(LISTS));
            server.listsChanged(LISTS);
            assertEquals(LISTS, received.poll(10, TimeUnit.SECONDS));
            assertEquals(LISTS, received.poll(10, TimeUnit.SECONDS));
            first.listsInUse(new HelperMessage.ListsInUse("sha256:old", "the bundle file hashes to sha256:x"));
            assertEquals(ME + " uses sha256:old (the bundle file hashes to sha256:x)", heard.poll(10, TimeUnit.SECONDS));
        }
    }

    /** Were a change sent from the caller's thread, the loop would block once the socket buffer is full. */
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aHelperThatStopsReadingIsDisconnectedAndNeverHoldsUpWhoeverMadeTheChange() throws Exception {
        start();
        try (HelperConnection link = HelperConnection.open(server.socket(), ME)) { // never listens: reads nothing
            for (int i = 0; i < 5_000 && heard.isEmpty(); i++) {
                when.set(i % 2 == 0 ? MonitoringScope.When.NEVER : MonitoringScope.When.ALWAYS);
                server.settingsChanged();
            }
            assertEquals(ME + " gone", heard.poll(30, TimeUnit.SECONDS));
        }
    }
}
