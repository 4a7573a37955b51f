package io.vigil.console.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vigil.console.audit.AuditAction;
import io.vigil.console.domain.AlertIntake;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.FilteringReports;
import io.vigil.console.domain.School;
import io.vigil.console.domain.Schools;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.fleet.DeviceHealth;
import io.vigil.console.fleet.DeviceLifecycle;
import io.vigil.console.fleet.ItAlert;
import io.vigil.console.fleet.SilenceWatch;
import io.vigil.console.fleet.TokenAdmin;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.JdbcFleetRepository;
import io.vigil.console.store.jdbc.JdbcNoticeAcceptanceRepository;
import io.vigil.console.store.jdbc.JdbcPolicyRepository;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcScreenshotRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.policy.PolicyDelivery;
import io.vigil.console.signing.SigningKeyStore;
import io.vigil.console.testing.InMemoryAuditLog;
import io.vigil.console.testing.MutableClock;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.console.tls.CertificateStore;
import io.vigil.console.tls.TlsIdentity;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Heartbeat;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device lifecycle over real Netty TLS on loopback with a real H2 file: tokens that expire or are revoked,
 * a revoked device's live session cut and its reconnects refused, and the silence watch driven by a clock the
 * test moves (no waiting).
 */
class DeviceLifecycleIT {

    private static final Instant START = Instant.parse("2026-12-04T15:30:00Z"); // a Friday afternoon

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private Database db;
    private AlertIntake intake;
    private AgentGrpcServer server;
    private TestAgentClient client;
    private JdbcFleetRepository fleet;
    private TokenAdmin tokens;
    private DeviceLifecycle lifecycle;
    private School school;
    private Schools schools;

    @BeforeEach
    void start() throws Exception {
        TlsIdentity tls = new CertificateStore(dataDir).loadOrCreate();
        db = Database.open(dataDir);
        var devices = new JdbcDeviceRepository(db.dataSource());
        var tokenRepository = new JdbcTokenRepository(db.dataSource());
        fleet = new JdbcFleetRepository(db.dataSource());
        var enrolment = new Enrolment(tokenRepository, devices, new Secrets(new SecureRandom()), clock,
                (enrolled, host, tokenId) -> audit.record("enrolment", AuditAction.DEVICE_ENROL, "token=" + tokenId));
        tokens = new TokenAdmin(enrolment, tokenRepository, audit, clock);
        schools = new Schools(new JdbcSchoolRepository(db.dataSource()), clock);
        school = schools.addSchool("Oak Primary", Optional.empty());
        intake = new AlertIntake(new JdbcAlertRepository(db.dataSource()), new JdbcScreenshotRepository(db.dataSource()),
                clock);
        var sessions = new DeviceSessions(devices, intake, new JdbcFilterEventRepository(db.dataSource()),
                new AlertValidator(), new JdbcNoticeAcceptanceRepository(db.dataSource()), FilteringReports.NOT_KEPT,
                new io.vigil.console.store.jdbc.JdbcTamperEventRepository(db.dataSource()), clock,
                new DeviceHealth(fleet, clock));
        var open = new OpenSessions();
        lifecycle = new DeviceLifecycle(fleet, open, audit, clock);
        server = new AgentGrpcServer(AgentGrpcServer.nettyTls("127.0.0.1", 0, tls), enrolment, sessions,
                new DeviceAuthenticator(devices), lifecycle, clock,
                new PolicyDelivery(SigningKeyStore.loadOrCreate(dataDir), new JdbcPolicyRepository(db.dataSource()),
                        clock), open).start();
        client = new TestAgentClient(server.port(), tls.certificateFile());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
        intake.close();
        db.close();
    }

    @Test
    void anEnrolmentRecordsItsTokenAndIsAudited() {
        var token = tokens.create("it.lee", school, Optional.empty());
        EnrollResponse device = client.enrol(token.secret(), "LAPTOP-1");
        var record = fleet.device(device.getDeviceId(), Scope.of(school.id())).orElseThrow();
        assertEquals(token.id(), record.tokenId());
        assertEquals("it.lee", record.tokenCreatedBy());
        assertEquals(1, tokens.list("it.lee", Scope.of(school.id())).getFirst().uses());
        assertEquals(1, audit.count(AuditAction.DEVICE_ENROL));
        assertEquals(1, audit.count(AuditAction.TOKEN_CREATE));
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhen() {
        var token = tokens.create("it.lee", school, Optional.of(START.plus(Duration.ofDays(1))));
        clock.advance(Duration.ofDays(2));
        var e = assertThrows(StatusRuntimeException.class, () -> client.enrol(token.secret(), "LAPTOP-2"));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertEquals("enrolment token expired on 5 Dec 2026 15:30 UTC; ask the school's IT provider for a new token",
                e.getStatus().getDescription());
    }

    @Test
    void aRevokedTokenIsRefusedAndDevicesItEnrolledKeepWorking() throws Exception {
        var token = tokens.create("it.lee", school, Optional.empty());
        EnrollResponse before = client.enrol(token.secret(), "LAPTOP-3");
        tokens.revoke("it.lee", token.id(), Scope.of(school.id()));
        var e = assertThrows(StatusRuntimeException.class, () -> client.enrol(token.secret(), "LAPTOP-4"));
        assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("enrolment token was revoked by the school's IT provider"
                + " on 4 Dec 2026"), e.getStatus().getDescription());
        assertEquals(1, audit.count(AuditAction.TOKEN_REVOKE));

        var session = client.session(before.getDeviceId(), before.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-3"));
        assertEquals(0, session.nextAck(), "revoking a token does not revoke the devices it enrolled");
        session.complete();
    }

    @Test
    void revokingAConnectedDeviceCutsItsSessionAndRefusesItsReconnects() throws Exception {
        EnrollResponse device = client.enrol(tokens.create("it.lee", school, Optional.empty()).secret(), "LAPTOP-5");
        var live = client.session(device.getDeviceId(), device.getDeviceCredential());
        live.send(TestAgentClient.hello("j.smith", "LAPTOP-5"));
        assertEquals(0, live.nextAck());

        String told = lifecycle.revoke("it.lee", device.getDeviceId(), Scope.of(school.id()), "stolen");
        assertEquals("device revoked by the school's IT provider on 4 Dec 2026 15:30 UTC", told);
        assertEquals(told, live.nextCommand().getUnenrol().getReason());
        Status cut = Status.fromThrowable(live.awaitEnd());
        assertEquals(Status.Code.PERMISSION_DENIED, cut.getCode());
        assertEquals(told, cut.getDescription());

        var again = client.session(device.getDeviceId(), device.getDeviceCredential());
        again.send(TestAgentClient.hello("j.smith", "LAPTOP-5"));
        Status refused = Status.fromThrowable(again.awaitEnd());
        assertEquals(Status.Code.PERMISSION_DENIED, refused.getCode());
        assertEquals(told, refused.getDescription());
        assertTrue(audit.latest(1).getFirst().detail().contains("session cut"), audit.latest(1).toString());
    }

    @Test
    void aSilentDeviceRaisesOneItAlertPerSilenceClearedWhenItReportsAgain() throws Exception {
        EnrollResponse device = client.enrol(tokens.create("it.lee", school, Optional.empty()).secret(), "LAPTOP-6");
        var watch = new SilenceWatch(fleet, schools::all, clock);
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP-6"));
        assertEquals(0, session.nextAck());
        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder().setSpoolDepth(7)
                .setRefusedCount(1).setListVersion("sha256:lists")).build());
        awaitSpoolDepth(device.getDeviceId(), 7);
        session.complete();
        session.awaitEnd();

        clock.advance(Duration.ofHours(89)); // a bank-holiday weekend in the trolley: not yet "not reporting"
        assertEquals(List.of(), watch.check());
        clock.advance(Duration.ofHours(8));
        assertEquals(List.of(device.getDeviceId()), watch.check().stream().map(ItAlert::deviceId).toList());
        assertEquals(List.of(), watch.check(), "one alert per silence");
        assertEquals(1, fleet.itAlerts(Scope.of(school.id()), true, 10).size());

        var back = client.session(device.getDeviceId(), device.getDeviceCredential());
        back.send(TestAgentClient.hello("j.smith", "LAPTOP-6"));
        assertEquals(0, back.nextAck());
        assertEquals(List.of(), fleet.itAlerts(Scope.of(school.id()), true, 10), "cleared when it reports again");
        back.complete();
    }

    private void awaitSpoolDepth(String deviceId, long depth) {
        // A hang guard, not the expected time: the wait ends at its signal, and a loaded CI machine is slow.
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var record = fleet.device(deviceId, Scope.of(school.id())).orElseThrow();
            if (record.figures().spoolDepth() == depth) {
                assertEquals(1, record.figures().refusedCount());
                assertEquals("sha256:lists", record.figures().listVersion());
                return;
            }
            sleepBriefly();
        }
        throw new AssertionError("the heartbeat's spool depth " + depth + " was not recorded within 2 min");
    }

    /** Between polls of the database; the condition, not this pause, ends the wait. */
    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
