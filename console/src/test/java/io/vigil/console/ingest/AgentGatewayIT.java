package io.vigil.console.ingest;

import io.vigil.console.domain.Scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vigil.console.domain.AlertIntake;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.Secrets;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.JdbcNoticeAcceptanceRepository;
import io.vigil.console.domain.FilteringReports;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.domain.Schools;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.console.tls.CertificateStore;
import io.vigil.console.tls.TlsIdentity;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Heartbeat;
import io.vigil.proto.v1.Screenshot;
import io.vigil.proto.v1.UnavailableCapability;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent gateway over real Netty TLS on loopback, with a client that trusts only the console certificate. */
class AgentGatewayIT {

    @TempDir
    Path dataDir;

    private Database db;
    private JdbcAlertRepository alerts;
    private AgentGrpcServer server;
    private TestAgentClient client;
    private String token;
    private JdbcIndexOutbox outbox;
    private AlertIntake intake;

    @BeforeEach
    void start() throws Exception {
        TlsIdentity tls = new CertificateStore(dataDir).loadOrCreate();
        db = Database.open(dataDir);
        Clock clock = Clock.systemUTC();
        alerts = new JdbcAlertRepository(db.dataSource());
        outbox = new JdbcIndexOutbox(db.dataSource(), clock);
        outbox.register("test-node");
        var devices = new JdbcDeviceRepository(db.dataSource());
        var enrolment = new Enrolment(new JdbcTokenRepository(db.dataSource()), devices,
                new Secrets(new SecureRandom()), clock);
        token = enrolment.createToken(new Schools(new JdbcSchoolRepository(db.dataSource()), clock)
                .addSchool("Test School", java.util.Optional.empty()));
        intake = new AlertIntake(alerts, new io.vigil.console.store.jdbc.JdbcScreenshotRepository(db.dataSource()),
                clock);
        var sessions = new DeviceSessions(devices, intake, new JdbcFilterEventRepository(db.dataSource()),
                new AlertValidator(), new JdbcNoticeAcceptanceRepository(db.dataSource()), FilteringReports.NOT_KEPT,
                clock);
        server = new AgentGrpcServer(AgentGrpcServer.nettyTls("127.0.0.1", 0, tls), enrolment, sessions,
                new DeviceAuthenticator(devices), clock,
                new io.vigil.console.policy.PolicyDelivery(io.vigil.console.signing.SigningKeyStore.loadOrCreate(dataDir),
                        new io.vigil.console.store.jdbc.JdbcPolicyRepository(db.dataSource()), clock),
                new OpenSessions()).start();
        client = new TestAgentClient(server.port(), tls.certificateFile());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        intake.close();
        db.close();
    }

    private long storedAlerts() {
        return alerts.find(AlertQuery.all(io.vigil.console.domain.Scope.of(1))).total();
    }

    @Test
    void enrolmentWithAGoodTokenReturnsADeviceIdentityAndTheSchool() {
        EnrollResponse response = client.enrol(token, "LAPTOP-01");
        assertFalse(response.getDeviceId().isEmpty());
        assertTrue(response.getDeviceCredential().length() >= 43, "at least 256 bits, base64url");
        assertEquals("Test School", response.getSchool());
    }

    @Test
    void aReImagedLaptopEnrollingWithItsSerialAgainKeepsItsDeviceRecordAndOnlyTheNewCredentialWorks() throws Exception {
        var laptop = TestAgentClient.facts("LAPTOP-RE").toBuilder().setHardwareId("PF3XK9QZ").build();
        EnrollResponse first = client.enrol(token, laptop);
        EnrollResponse afterWipe = client.enrol(token, laptop.toBuilder().setHostname("LAPTOP-RE-NEW").build());

        assertEquals(first.getDeviceId(), afterWipe.getDeviceId(), "re-imaging must not list the laptop twice");
        var listed = new JdbcDeviceRepository(db.dataSource()).inScope(Scope.of(1)).stream()
                .filter(d -> d.facts().hardwareId().equals("PF3XK9QZ")).toList();
        assertEquals(1, listed.size(), listed::toString);
        assertEquals("LAPTOP-RE-NEW", listed.getFirst().facts().hostname());

        var old = client.session(first.getDeviceId(), first.getDeviceCredential());
        old.send(TestAgentClient.hello("j.smith", "LAPTOP-RE"));
        assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(old.awaitEnd()).getCode(),
                "the wiped installation's credential must stop working");
    }

    @Test
    void laptopsSharingAPlaceholderSerialAreNotMergedIntoOneDevice() {
        var batch = TestAgentClient.facts("LAPTOP-A").toBuilder().setHardwareId("To be filled by O.E.M.").build();
        EnrollResponse a = client.enrol(token, batch);
        EnrollResponse b = client.enrol(token, batch.toBuilder().setHostname("LAPTOP-B").build());
        assertFalse(a.getDeviceId().equals(b.getDeviceId()));
    }

    @Test
    void enrolmentWithAnUnknownTokenIsPermissionDenied() {
        var e = assertThrows(StatusRuntimeException.class, () -> client.enrol("not-a-token", "LAPTOP-02"));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertEquals("enrolment token not recognised", e.getStatus().getDescription());
    }

    @Test
    void sessionWithAWrongCredentialIsUnauthenticated() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-03");
        var session = client.session(device.getDeviceId(), "wrong-credential");
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-03"));
        Throwable end = session.awaitEnd();
        assertNotNull(end);
        assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(end).getCode());
    }

    @Test
    void sessionForAnUnknownDeviceIsUnauthenticated() throws Exception {
        var session = client.session("no-such-device", "whatever");
        session.send(TestAgentClient.hello("j.smith", "X"));
        assertEquals(Status.Code.UNAUTHENTICATED, Status.fromThrowable(session.awaitEnd()).getCode());
    }

    @Test
    void alertSentTwiceAndAgainAfterReconnectIsStoredOnceAndAckedEachTime() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-04");
        var alert = TestAgentClient.alert(1, "self_harm", 5, "i just want to kill myself tonight");

        var first = client.session(device.getDeviceId(), device.getDeviceCredential());
        first.send(TestAgentClient.hello("j.smith", "LAPTOP-04"));
        assertEquals(0, first.nextAck(), "nothing stored yet");
        first.send(TestAgentClient.message(alert));
        assertEquals(1, first.nextAck());
        first.send(TestAgentClient.message(alert));
        assertEquals(1, first.nextAck(), "a duplicate is acknowledged, not refused");
        first.complete();
        first.awaitEnd();

        var second = client.session(device.getDeviceId(), device.getDeviceCredential());
        second.send(TestAgentClient.hello("j.smith", "LAPTOP-04"));
        assertEquals(1, second.nextAck(), "Hello is answered with the highest stored sequence");
        second.send(TestAgentClient.message(alert));
        assertEquals(1, second.nextAck());
        second.send(TestAgentClient.message(TestAgentClient.alert(2, "bullying", 3, "nobody likes you")));
        assertEquals(2, second.nextAck());
        second.complete();

        assertEquals(2, storedAlerts());
        assertEquals(2, outbox.pendingCount("test-node"), "each alert stored once waits once in the index outbox");
    }

    @Test
    void everyRecordKindIsAcknowledgedAndANoticeAcceptanceIsStoredOnce() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-KINDS");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-KINDS"));
        assertEquals(0, session.nextAck());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "nobody likes you")));
        assertEquals(1, session.nextAck());
        AgentMessage notice = TestAgentClient.noticeAcceptance(2, "j.smith", "2026-09", "pupils");
        session.send(notice);
        assertEquals(2, session.nextAck());
        session.send(TestAgentClient.filterEvent(3, "proxy.example"));
        assertEquals(3, session.nextAck());
        session.send(TestAgentClient.browsingSummary(4, "j.smith"));
        assertEquals(4, session.nextAck());
        session.send(TestAgentClient.reviewRequest(5, "j.smith", "history.example"));
        assertEquals(5, session.nextAck());
        session.send(notice);
        assertEquals(2, session.nextAck(), "a resent acceptance is acknowledged, not stored again");
        session.complete();
        session.awaitEnd();

        var second = client.session(device.getDeviceId(), device.getDeviceCredential());
        second.send(TestAgentClient.hello("j.smith", "LAPTOP-KINDS"));
        assertEquals(3, second.nextAck(), "the mark covers every stored kind (summaries and requests are not kept yet)");
        second.complete();
        var stored = new JdbcNoticeAcceptanceRepository(db.dataSource()).inScope(Scope.of(1), java.util.Optional.empty(), 10);
        assertEquals(1, stored.size());
        assertEquals("j.smith", stored.getFirst().user());
        assertEquals("2026-09", stored.getFirst().noticeVersion());
        assertEquals("pupils", stored.getFirst().group());
        assertEquals("LAPTOP-KINDS", stored.getFirst().hostname());
    }

    @Test
    void aRefusedRecordOfAnyKindIsNamedByItsSequence() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-BADKIND");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-BADKIND"));
        session.nextAck();
        session.send(TestAgentClient.noticeAcceptance(9, "j.smith", "", "pupils"));
        Throwable end = session.awaitEnd();
        Status status = Status.fromThrowable(end);
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("notice_version"), status.getDescription());
        assertEquals("9", Status.trailersFromThrowable(end).get(AgentSession.REFUSED_SEQUENCE));
    }

    @Test
    void theLanguageThePupilWroteInIsStoredAndAnythingButAPlainCodeIsDropped() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-LANG");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.kowalski", "LAPTOP-LANG"));
        session.nextAck();
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "suicide", 4, "chce umrzec").setLanguage("pl")));
        assertEquals(1, session.nextAck());
        session.send(TestAgentClient.message(TestAgentClient.alert(2, "suicide", 4, "x").setLanguage("<b>pl</b>")));
        assertEquals(2, session.nextAck(), "an odd language label never costs the alert");
        session.complete();
        var stored = alerts.find(AlertQuery.all(io.vigil.console.domain.Scope.of(1))).alerts();
        assertEquals("pl", stored.stream().filter(a -> a.snippet().equals("chce umrzec")).findFirst().orElseThrow()
                .language());
        assertEquals("", stored.stream().filter(a -> a.snippet().equals("x")).findFirst().orElseThrow().language());
    }

    @Test
    void oversizedSnippetEndsTheStreamWithInvalidArgumentAndStoresNothing() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-05");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-05"));
        session.nextAck();
        session.send(TestAgentClient.message(TestAgentClient.alert(7, "self_harm", 5, "x".repeat(501))));
        Throwable end = session.awaitEnd();
        Status status = Status.fromThrowable(end);
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("snippet"), status.getDescription());
        assertEquals("7", Status.trailersFromThrowable(end).get(AgentSession.REFUSED_SEQUENCE),
                "the refused record is named so the agent can set it aside");
        assertEquals(0, storedAlerts());
    }

    @Test
    void invalidSeverityIsRefusedNamingTheField() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-06");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-06"));
        session.nextAck();
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "self_harm", 9, "hello")));
        Status status = Status.fromThrowable(session.awaitEnd());
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("severity"), status.getDescription());
        assertEquals(0, storedAlerts());
    }

    @Test
    void heartbeatUpdatesLastSeenWithoutAnAck() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-07");
        var devices = new JdbcDeviceRepository(db.dataSource());
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-07"));
        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSpoolDepth(3)).build());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "hello")));
        assertEquals(0, session.nextAck(), "the first reply answers Hello");
        assertEquals(1, session.nextAck(), "the next answers the alert, so the heartbeat between was not acked");
        var stored = devices.inScope(io.vigil.console.domain.Scope.of(1)).stream().filter(d -> d.id().equals(device.getDeviceId())).findFirst().orElseThrow();
        assertNotNull(stored.lastSeenAt());
        assertEquals("j.smith", stored.lastUser());
    }

    @Test
    void garbageOnTheWireDoesNotStopTheServer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            byte[] noise = new byte[64 * 1024];
            new SecureRandom().nextBytes(noise);
            out.write(noise);
            out.flush();
        } catch (java.io.IOException expected) {
            // The server may drop the connection mid-write; that is the point.
        }
        assertFalse(client.enrol(token, "LAPTOP-08").getDeviceId().isEmpty());
    }

    @Test
    void missingCapabilitiesFromHelloAndHeartbeatAreStoredForTheDeviceList() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-09");
        var devices = new JdbcDeviceRepository(db.dataSource());
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(AgentMessage.newBuilder().setHello(TestAgentClient.hello("j.smith", "LAPTOP-09").getHello()
                .toBuilder().addCapabilities("capture.windows").addUnavailable(UnavailableCapability.newBuilder()
                        .setCapability("capture.keyboard").setReason("no display (DISPLAY is not set)"))).build());
        session.nextAck();
        var caps = devices.inScope(io.vigil.console.domain.Scope.of(1)).stream().filter(d -> d.id().equals(device.getDeviceId())).findFirst().orElseThrow()
                .capabilities();
        assertEquals(java.util.List.of("capture.windows"), caps.available());
        assertEquals(java.util.List.of("keyboard capture unavailable: no display (DISPLAY is not set)"), caps.problems());

        // The display came back: the next heartbeat says nothing is missing. An alert after it is acked only
        // once the heartbeat was processed (one stream, in order), so the ack is the signal to look.
        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()).build());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "hello")));
        session.nextAck();
        assertTrue(devices.inScope(io.vigil.console.domain.Scope.of(1)).stream().filter(d -> d.id().equals(device.getDeviceId())).findFirst().orElseThrow()
                .capabilities().unavailable().isEmpty());
    }

    @Test
    void aSpoolThatCannotWriteIsShownForTheDeviceUntilAHeartbeatSaysItCanAgain() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-FULL");
        var devices = new JdbcDeviceRepository(db.dataSource());
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-FULL"));
        session.nextAck();
        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                .setSpoolWriteFailing("No space left on device")).build());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "hello")));
        session.nextAck(); // same stream, in order: the heartbeat before it was processed
        java.util.function.Supplier<io.vigil.console.domain.Device> stored = () -> devices.inScope(Scope.of(1))
                .stream().filter(d -> d.id().equals(device.getDeviceId())).findFirst().orElseThrow();
        assertEquals("No space left on device", stored.get().spoolProblem());

        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()).build());
        session.send(TestAgentClient.message(TestAgentClient.alert(2, "bullying", 3, "hello again")));
        session.nextAck();
        assertEquals("", stored.get().spoolProblem());
    }

    @Test
    void aScreenshotIsStoredWithItsAlertButNeverForSexualContent() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-10");
        var screenshots = new io.vigil.console.store.jdbc.JdbcScreenshotRepository(db.dataSource());
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-10"));
        session.nextAck();
        var png = Screenshot.newBuilder().setMediaType("image/png").setWidth(2).setHeight(1)
                .setData(com.google.protobuf.ByteString.copyFrom(new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        var selfHarm = TestAgentClient.alert(1, "self_harm", 4, "i cut myself again").setScreenshot(png).build();
        var sexual = TestAgentClient.alert(2, "sexual_content", 4, "send nudes").setScreenshot(png).build();
        session.send(TestAgentClient.message(selfHarm.toBuilder()));
        session.send(TestAgentClient.message(sexual.toBuilder()));
        while (session.nextAck() < 2) {
            // acks arrive in order; the second covers both
        }
        assertEquals(4, screenshots.find(selfHarm.getUuid(), Scope.of(1)).orElseThrow().data().length);
        assertTrue(screenshots.find(sexual.getUuid(), Scope.of(1)).isEmpty(), "a sexual_content screenshot was stored");
        assertEquals(2, storedAlerts(), "the sexual_content alert itself is kept, only its image is dropped");

        // An unusable image (wrong type) is dropped too, and its alert still stored and acknowledged.
        var gif = TestAgentClient.alert(3, "self_harm", 4, "i cut again").setScreenshot(png.clone().setMediaType("image/gif"));
        session.send(TestAgentClient.message(gif));
        assertEquals(3, session.nextAck());
        assertTrue(screenshots.find(gif.getUuid(), Scope.of(1)).isEmpty());
        assertEquals(3, storedAlerts());
    }
}
