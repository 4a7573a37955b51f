package io.vigil.console.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.vigil.console.domain.AlertIntake;
import io.vigil.console.domain.AlertQuery;
import io.vigil.console.domain.AlertValidator;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.domain.FailedAttemptLimit;
import io.vigil.console.domain.Schools;
import io.vigil.console.domain.Scope;
import io.vigil.console.domain.Secrets;
import io.vigil.console.domain.SequenceBounds;
import io.vigil.console.domain.StoredAlert;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.JdbcAlertRepository;
import io.vigil.console.store.jdbc.JdbcDeviceRepository;
import io.vigil.console.store.jdbc.JdbcFilterEventRepository;
import io.vigil.console.store.jdbc.JdbcIndexOutbox;
import io.vigil.console.store.jdbc.JdbcSchoolRepository;
import io.vigil.console.store.jdbc.JdbcScreenshotRepository;
import io.vigil.console.store.jdbc.JdbcTokenRepository;
import io.vigil.console.testing.TestAgentClient;
import io.vigil.console.tls.CertificateStore;
import io.vigil.console.tls.TlsIdentity;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Heartbeat;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session rules that keep a device from being silenced or forged: bounded sequences, Hello first, one
 * session per device, clamped times, throttled enrolment guessing; and group commit under many sessions. Real
 * Netty TLS on loopback and a real H2 file.
 */
class SessionProtocolIT {

    @TempDir
    Path dataDir;

    private Database db;
    private JdbcAlertRepository alerts;
    private AlertIntake intake;
    private AgentGrpcServer server;
    private TestAgentClient client;
    private String token;

    @BeforeEach
    void start() throws Exception {
        TlsIdentity tls = new CertificateStore(dataDir).loadOrCreate();
        db = Database.open(dataDir);
        Clock clock = Clock.systemUTC();
        alerts = new JdbcAlertRepository(db.dataSource());
        new JdbcIndexOutbox(db.dataSource(), clock).register("test-node");
        var devices = new JdbcDeviceRepository(db.dataSource());
        var enrolment = new Enrolment(new JdbcTokenRepository(db.dataSource()), devices,
                new Secrets(new SecureRandom()), clock);
        token = enrolment.createToken(new Schools(new JdbcSchoolRepository(db.dataSource()), clock)
                .addSchool("Test School", Optional.empty()));
        intake = new AlertIntake(alerts, new JdbcScreenshotRepository(db.dataSource()), clock);
        var sessions = new DeviceSessions(devices, intake, new JdbcFilterEventRepository(db.dataSource()),
                new AlertValidator(), new io.vigil.console.store.jdbc.JdbcNoticeAcceptanceRepository(db.dataSource()),
                io.vigil.console.domain.FilteringReports.NOT_KEPT, clock);
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

    private List<StoredAlert> stored() {
        return alerts.find(AlertQuery.all(Scope.of(1))).alerts();
    }

    private long storedCount() {
        return alerts.find(AlertQuery.all(Scope.of(1))).total();
    }

    private TestAgentClient.Session helloFrom(EnrollResponse device) throws InterruptedException {
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.hello("j.smith", "LAPTOP"));
        session.nextAck();
        return session;
    }

    @Test
    void aSequenceFarAheadOfTheDevicesLastIsRefusedAndDoesNotBecomeItsMark() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-SEQ");
        var session = helloFrom(device);
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "first")));
        assertEquals(1, session.nextAck());
        session.send(TestAgentClient.message(TestAgentClient.alert(Long.MAX_VALUE, "bullying", 3, "forged")));
        Throwable end = session.awaitEnd();
        Status status = Status.fromThrowable(end);
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("sequence"), status.getDescription());
        assertEquals(Long.toString(Long.MAX_VALUE), Status.trailersFromThrowable(end).get(AgentSession.REFUSED_SEQUENCE),
                "the refused record is named so the agent sets it aside and carries on");

        var next = client.session(device.getDeviceId(), device.getDeviceCredential());
        next.send(TestAgentClient.hello("j.smith", "LAPTOP-SEQ"));
        assertEquals(1, next.nextAck(), "the device's mark is still its real last sequence");
        next.send(TestAgentClient.message(TestAgentClient.alert(2, "bullying", 3, "second")));
        assertEquals(2, next.nextAck(), "the device carries on numbering from its own last sequence");
        assertEquals(2, storedCount());
    }

    @Test
    void uint64SequencesAbove2To63AndJustPastTheAllowedGapAreRefused() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-SEQ2");
        for (long sequence : new long[] {-1L, SequenceBounds.MAX_AHEAD + 1, SequenceBounds.SAFE_MAX + 1}) {
            var session = helloFrom(device);
            session.send(TestAgentClient.message(TestAgentClient.alert(sequence, "bullying", 3, "x")));
            assertEquals(Status.Code.INVALID_ARGUMENT, Status.fromThrowable(session.awaitEnd()).getCode(),
                    "sequence " + Long.toUnsignedString(sequence));
        }
        var session = helloFrom(device);
        session.send(TestAgentClient.message(TestAgentClient.alert(SequenceBounds.MAX_AHEAD, "bullying", 3, "gap")));
        assertEquals(SequenceBounds.MAX_AHEAD, session.nextAck(), "a gap up to the limit is a device, not a forgery");
    }

    @Test
    void aSessionMustStartWithHello() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-HELLO");
        var session = client.session(device.getDeviceId(), device.getDeviceCredential());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "no hello")));
        Status status = Status.fromThrowable(session.awaitEnd());
        assertEquals(Status.Code.FAILED_PRECONDITION, status.getCode());
        assertEquals("a session must start with Hello", status.getDescription());
        assertEquals(0, storedCount());
    }

    @Test
    void aSecondSessionForTheSameDeviceReplacesTheFirst() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-TWICE");
        var first = helloFrom(device);
        var second = helloFrom(device);
        Status status = Status.fromThrowable(first.awaitEnd());
        assertEquals(Status.Code.ABORTED, status.getCode());
        assertTrue(status.getDescription().contains("replaced"), status.getDescription());
        second.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "still here")));
        assertEquals(1, second.nextAck());
        assertEquals(1, server.openSessions());
    }

    @Test
    void anAlertFromTheFarFutureIsKeptWithTheTimeTheConsoleReceivedIt() throws Exception {
        EnrollResponse device = client.enrol(token, "LAPTOP-CLOCK");
        var session = helloFrom(device);
        Instant before = Instant.now();
        var future = Timestamp.newBuilder().setSeconds(Instant.parse("2099-01-01T00:00:00Z").getEpochSecond());
        session.send(TestAgentClient.message(TestAgentClient.alert(1, "bullying", 3, "wrong clock")
                .setOccurredAt(future)));
        assertEquals(1, session.nextAck(), "clamped, not refused: a refused alert would never reach the DSL");
        Instant occurred = stored().getFirst().occurredAt();
        assertFalse(occurred.isBefore(before.minusSeconds(1)), occurred.toString());
        assertTrue(occurred.isBefore(Instant.now().plusSeconds(1)), occurred.toString());
    }

    @Test
    void repeatedFailedEnrolmentsFromOneAddressAreThrottledEvenWithTheRightToken() {
        for (int i = 0; i < FailedAttemptLimit.MAX_FAILURES; i++) {
            var e = assertThrows(StatusRuntimeException.class, () -> client.enrol("guess", "LAPTOP-GUESS"));
            assertEquals(Status.Code.PERMISSION_DENIED, e.getStatus().getCode());
        }
        var e = assertThrows(StatusRuntimeException.class, () -> client.enrol(token, "LAPTOP-GUESS"));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().startsWith("too many failed enrolment attempts from this address"),
                e.getStatus().getDescription());
    }

    @Test
    void manySessionsSendingAtOnceShareCommitsAndEveryAlertIsStoredOnceAndAckedInOrder() throws Exception {
        // An Ack covers every sequence up to its own, so a session's alerts stored in one batch get one Ack for the
        // highest: the Acks must rise, never skip past an unstored alert (checked by the count below), and end at
        // the last alert.
        int devices = 20;
        int perDevice = 50;
        java.util.concurrent.atomic.AtomicInteger ackMessages = new java.util.concurrent.atomic.AtomicInteger();
        List<EnrollResponse> enrolled = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            enrolled.add(client.enrol(token, "LAPTOP-" + d));
        }
        ExecutorService pool = Executors.newFixedThreadPool(devices);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (EnrollResponse device : enrolled) {
                results.add(pool.submit((Callable<Boolean>) () -> {
                    var session = helloFrom(device);
                    for (int s = 1; s <= perDevice; s++) {
                        session.send(TestAgentClient.message(TestAgentClient.alert(s, "bullying", 3, "x" + s)));
                        session.send(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()).build());
                    }
                    long last = 0;
                    int acks = 0;
                    while (last < perDevice) {
                        long ack = session.nextAck();
                        assertTrue(ack > last && ack <= perDevice, "acks arrive in sequence order: " + ack + " after " + last);
                        last = ack;
                        acks++;
                    }
                    ackMessages.addAndGet(acks);
                    session.complete();
                    return session.awaitEnd() == null;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(devices * perDevice, storedCount());
        assertEquals(devices * perDevice, intake.written());
        assertTrue(intake.batches() < intake.written(), "some batches held several alerts: " + intake.batches());
        assertTrue(ackMessages.get() < devices * perDevice,
                "a session's alerts in one batch share one Ack: " + ackMessages.get() + " Acks for " + devices * perDevice);
    }
}
