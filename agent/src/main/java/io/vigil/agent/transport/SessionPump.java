package io.vigil.agent.transport;

import io.grpc.stub.StreamObserver;
import io.vigil.agent.alert.SpooledRecord;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.agent.spool.SpoolException;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.agent.signing.PolicyReceiver;
import io.vigil.proto.v1.Heartbeat;
import io.vigil.proto.v1.PolicyApplied;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one Session call after Hello: applies the console's high-water mark, then sends pending
 * records of every kind (alerts, filter events, notice acceptances...) in sequence order (at most
 * {@code maxInFlight} unacknowledged), deletes what the console
 * acknowledges, and sends heartbeats. Runs on the transport thread until the call ends.
 */
final class SessionPump {

    private static final Logger log = LoggerFactory.getLogger(SessionPump.class);

    private final SessionCall call;
    private final StreamObserver<AgentMessage> requests;
    private final AlertSpool spool;
    private final SessionIdentity identity;
    private final TransportSettings settings;
    private final Semaphore wakeup;
    private final BooleanSupplier closing;
    private final PolicyReceiver policies;
    private final PolicyReceiver lists;
    private final TransportCounters counters;
    private final Deque<Long> inFlight = new ArrayDeque<>();
    private long lastSent;
    /** The console's mark while the spool could not record it (disk full); null once applied. */
    private Long pendingMark;

    SessionPump(SessionCall call, StreamObserver<AgentMessage> requests, AlertSpool spool, SessionIdentity identity,
                TransportSettings settings, Semaphore wakeup, BooleanSupplier closing, PolicyReceiver policies,
                PolicyReceiver lists,
                TransportCounters counters) {
        this.policies = policies;
        this.lists = lists;
        this.counters = counters;
        this.call = call;
        this.requests = requests;
        this.spool = spool;
        this.identity = identity;
        this.settings = settings;
        this.wakeup = wakeup;
        this.closing = closing;
    }

    void run() throws InterruptedException {
        counters.inFlight(0);
        if (!awaitHighWaterMark()) {
            return;
        }
        Instant nextHeartbeat = Instant.now().plus(settings.heartbeatInterval());
        while (!closing.getAsBoolean() && !call.ended()) {
            wakeup.drainPermits(); // anything released after this point wakes the wait below
            if (pendingMark != null && applyMark(pendingMark) && pendingMark == null) {
                log.info("applied the console's high-water mark now that the spool can be written");
            }
            applyAck();
            applyPolicies();
            if (pendingMark == null || spoolReconciled()) {
                sendPending();
            }
            if (call.takeHeartbeatRequest() || !Instant.now().isBefore(nextHeartbeat)) {
                sendHeartbeat();
                nextHeartbeat = Instant.now().plus(settings.heartbeatInterval());
            }
            counters.inFlight(inFlight.size());
            counters.turned();
            long wait = Math.max(1, nextHeartbeat.toEpochMilli() - System.currentTimeMillis());
            wakeup.tryAcquire(wait, TimeUnit.MILLISECONDS);
        }
        if (closing.getAsBoolean() && !call.ended()) {
            requests.onCompleted();
        }
    }

    /**
     * The console answers Hello with the highest sequence it holds for this device. Waiting for it
     * before sending means a device that crashed before seeing its last Ack does not resend it all.
     */
    private boolean awaitHighWaterMark() throws InterruptedException {
        long deadline = System.nanoTime() + settings.firstAckTimeout().toNanos();
        Long mark = null;
        while (mark == null && !call.ended() && !closing.getAsBoolean()) {
            mark = call.takeAck();
            long left = deadline - System.nanoTime();
            if (mark == null && left <= 0) {
                return markTimedOut();
            }
            if (mark == null) {
                wakeup.tryAcquire(left, TimeUnit.NANOSECONDS);
            }
        }
        if (mark == null) {
            return false;
        }
        long before = spool.depth();
        if (!applyMark(mark)) {
            return true; // heartbeats still go out and report the spool's problem; records wait for the mark
        }
        log.info("connected to console as device {}; console holds up to seq {}; {} record(s) to send",
                identity.deviceId(), mark, spool.depth());
        if (spool.depth() < before) {
            log.info("delivered up to seq {}", mark);
        }
        return true;
    }

    /**
     * Applying the mark writes to the spool, which fails while the disk is full. The session stays up so that
     * heartbeats tell the console; a spool that was reconciled before may still send (its numbers are above
     * the console's), one that never was sends nothing until the mark is applied, retried on every turn.
     */
    private boolean applyMark(long mark) {
        try {
            spool.reconcile(mark);
            pendingMark = null;
            return true;
        } catch (SpoolException e) {
            pendingMark = mark;
            log.warn("cannot apply the console's high-water mark {}: {}", mark, e.getMessage());
            try {
                return spool.reconciled();
            } catch (SpoolException unreadable) {
                return false;
            }
        }
    }

    /**
     * A reconciled spool may send without the mark: its sequences are above anything the console holds,
     * so any Ack, even a late mark, covers only alerts the console stored. A spool that has never been
     * reconciled must not: its numbers may repeat ones an older spool used, and a late mark would then
     * "acknowledge" alerts still in flight (lost if the call drops). It tries again on a new call.
     */
    private boolean markTimedOut() {
        if (spool.reconciled()) {
            log.warn("console sent no high-water mark within {} ms of Hello; sending pending records anyway",
                    settings.firstAckTimeout().toMillis());
            return true;
        }
        log.warn("console sent no high-water mark within {} ms of Hello; this spool has never been reconciled with "
                + "the console, so nothing is sent until it has; reconnecting", settings.firstAckTimeout().toMillis());
        call.cancel("no high-water mark from the console");
        return false;
    }

    private void applyAck() {
        Long ack = call.takeAck();
        if (ack == null) {
            return;
        }
        // An Ack can only cover what this session sent: anything else is not proof the console has it.
        long upTo = Math.min(ack, lastSent);
        if (inFlight.isEmpty() || inFlight.peekFirst() > upTo) {
            return;
        }
        try {
            spool.ackUpTo(upTo);
        } catch (SpoolException e) {
            // The console has them; they stay in the spool until a later Ack's delete succeeds, and a resend
            // in between is stored once by the console.
            log.debug("cannot delete acknowledged records: {}", e.getMessage());
        }
        while (!inFlight.isEmpty() && inFlight.peekFirst() <= upTo) {
            inFlight.removeFirst();
        }
        log.info("delivered up to seq {}", upTo);
    }

    private void applyPolicies() {
        for (SessionCall.Pushed pushed = call.takePolicy(); pushed != null; pushed = call.takePolicy()) {
            if (pushed.lists() && lists == null) {
                continue; // a transport test without keyword lists: SessionCall already logged it
            }
            PolicyReceiver.Outcome outcome = (pushed.lists() ? lists : policies).receive(pushed.policy());
            requests.onNext(AgentMessage.newBuilder().setPolicyApplied(PolicyApplied.newBuilder()
                    .setVersion(outcome.version()).setOk(outcome.ok()).setError(outcome.error())).build());
        }
    }

    private void sendPending() {
        int room = settings.maxInFlight() - inFlight.size();
        if (room <= 0) {
            return;
        }
        for (SpooledRecord record : spool.pendingAfter(lastSent, room)) {
            requests.onNext(ProtoMapper.message(record));
            lastSent = record.sequence();
            inFlight.addLast(lastSent);
        }
    }

    private boolean spoolReconciled() {
        try {
            return spool.reconciled();
        } catch (SpoolException e) {
            return false;
        }
    }

    private void sendHeartbeat() {
        requests.onNext(AgentMessage.newBuilder().setHeartbeat(Heartbeat.newBuilder()
                .setSentAt(ProtoMapper.timestamp(Instant.now()))
                .setSpoolDepth(spool.depth())
                .setRefusedCount(spool.refusedCount())
                .setSpoolWriteFailing(spool.writeProblem() == null ? "" : spool.writeProblem())
                .addAllUnavailable(ProtoMapper.unavailable(identity.capabilities().get()))
                .setListVersion(lists == null ? identity.listVersion() : lists.reportedVersion())
                .setPolicyVersion(policies.runningVersion())).build());
    }
}
