package io.vigil.console.ingest;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.vigil.console.domain.DeviceCapabilities;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.InvalidAlertException;
import io.vigil.console.domain.Text;
import io.vigil.console.policy.PolicyDelivery;
import io.vigil.console.policy.SignedPolicy;
import com.google.protobuf.ByteString;
import io.vigil.proto.v1.FilterPolicy;
import io.vigil.proto.v1.KeywordListBundle;
import io.vigil.proto.v1.PolicyUpdate;
import io.vigil.proto.v1.Ack;
import io.vigil.proto.v1.Command;
import io.vigil.proto.v1.Unenrol;
import io.vigil.console.domain.HeartbeatFigures;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.Heartbeat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's session stream. gRPC delivers a stream's messages one at a time; alerts are handed to the
 * group commit and acknowledged from its thread when their batch is durable, in the order they arrived.
 * Anything else that answers the device (a filter event's Ack, a refusal) first waits for the alerts before
 * it, because an Ack covers every sequence up to its own. An Ack therefore never covers anything that is not
 * durably stored.
 */
final class AgentSession implements StreamObserver<AgentMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    /** Names the refused record so the agent can set it aside instead of resending it for ever. */
    static final Metadata.Key<String> REFUSED_SEQUENCE =
            Metadata.Key.of("x-vigil-refused-sequence", Metadata.ASCII_STRING_MARSHALLER);

    private final String deviceId;
    private final StreamObserver<ConsoleMessage> out;
    private final DeviceSessions sessions;
    private final OpenSessions open;
    private final PolicyDelivery policies;
    /**
     * How often a session writes the device's last-seen time. Heartbeats come every 30 s per device; with
     * thousands of devices one write each made hundreds of commits a second, each a new chunk in the H2 file
     * (the 8:45 storm grew it 13 KB per alert). "Last seen" to the minute is all the device list needs.
     */
    static final Duration SEEN_EVERY = Duration.ofMinutes(1);

    private final Clock clock;
    /** Bundle versions sent on this session: a PolicyApplied naming one answers for keyword lists. */
    private final java.util.Set<String> listVersionsSent = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean ended;
    /** Highest alert sequence stored in this session; see {@link #flushAck}. */
    private final java.util.concurrent.atomic.AtomicLong alertsStoredUpTo = new java.util.concurrent.atomic.AtomicLong();
    /** Set when an alert completes, cleared when its Ack is sent: a duplicate is answered too. */
    private final java.util.concurrent.atomic.AtomicBoolean ackOwed = new java.util.concurrent.atomic.AtomicBoolean();
    private final Runnable flushAck = this::flushAck;
    /** When last_seen was last written by this session (Hello writes it too). */
    private Instant seenWritten;
    private boolean helloSeen;
    /** Highest sequence stored before this session or accepted in it: the base for the sequence bounds. */
    private long highestKnown;
    /** Completes when every alert accepted so far in this session is stored (or has failed). */
    private CompletableFuture<?> stored = CompletableFuture.completedFuture(null);
    /** As last stored; a heartbeat rewrites the device row only when what is unavailable changed. */
    private DeviceCapabilities capabilitiesSeen;
    /** As last stored; null until the first heartbeat, so a stale problem from an earlier session is cleared. */
    private String spoolProblemSeen;
    /** As last stored, and when: the spool depth alone is rewritten at most every {@link #SEEN_EVERY}. */
    private HeartbeatFigures figuresSeen;
    private Instant figuresWritten;

    AgentSession(String deviceId, StreamObserver<ConsoleMessage> out, DeviceSessions sessions,
                 OpenSessions open, Clock clock, PolicyDelivery policies) {
        this.deviceId = deviceId;
        this.out = out;
        this.sessions = sessions;
        this.open = open;
        this.policies = policies;
        this.clock = clock;
    }

    @Override
    public void onNext(AgentMessage message) {
        if (ended) {
            return;
        }
        try {
            if (!helloSeen && message.getKindCase() != AgentMessage.KindCase.HELLO) {
                LOG.warn("Device {} sent {} before Hello; session refused", deviceId, message.getKindCase());
                end(Status.FAILED_PRECONDITION.withDescription("a session must start with Hello"), null);
                return;
            }
            switch (message.getKindCase()) {
                case HELLO -> hello(message.getHello());
                case ALERT -> alert(message.getAlert());
                case FILTER_EVENT -> stored(sessions.filterEvent(
                        ProtoMapping.filterEvent(deviceId, message.getFilterEvent(), clock.instant()), known()));
                case NOTICE_ACCEPTANCE -> {
                    var acceptance = ProtoMapping.noticeAcceptance(deviceId, message.getNoticeAcceptance(),
                            clock.instant());
                    stored(sessions.noticeAcceptance(acceptance, known()));
                    LOG.info("Notice acceptance {} from device {}: notice {} ({})", acceptance.uuid(), deviceId,
                            Text.forLog(acceptance.noticeVersion()), Text.forLog(acceptance.group()));
                }
                case BROWSING_SUMMARY -> stored(sessions.browsingSummary(
                        ProtoMapping.browsingSummary(deviceId, message.getBrowsingSummary()), known()));
                case REVIEW_REQUEST -> stored(sessions.reviewRequest(
                        ProtoMapping.reviewRequest(deviceId, message.getReviewRequest(), clock.instant()), known()));
                case TAMPER_EVENT -> stored(sessions.tamperEvent(
                        ProtoMapping.tamperEvent(deviceId, message.getTamperEvent()), known()));
                case HEARTBEAT -> heartbeat(message.getHeartbeat());
                case POLICY_APPLIED -> {
                    var applied = message.getPolicyApplied();
                    LOG.info("Device {} policy {} applied: {} {}", deviceId, Text.forLog(applied.getVersion()),
                            applied.getOk(), Text.forLog(applied.getError()));
                    if (listVersionsSent.contains(applied.getVersion()) && open.lists().isPresent()) {
                        open.lists().get().applied(deviceId, applied.getVersion(), applied.getOk(), applied.getError());
                    } else {
                        policies.applied(deviceId, applied.getVersion(), applied.getOk(), applied.getError());
                    }
                }
                default -> LOG.debug("Device {} sent a message kind this console does not handle: {}", deviceId,
                        message.getKindCase());
            }
        } catch (InvalidAlertException e) {
            refuse(message, e);
        } catch (RuntimeException e) {
            // Nothing was acknowledged, so the device keeps the record and resends it on the next session.
            LOG.error("Could not process a message from device {}", deviceId, e);
            end(Status.UNAVAILABLE.withDescription("console could not store the message; retry later"), null);
        }
    }

    private void hello(io.vigil.proto.v1.Hello hello) {
        awaitStored();
        long stored = sessions.hello(deviceId, hello.getUser(), ProtoMapping.facts(hello.getDevice()));
        var capabilities = ProtoMapping.capabilities(hello.getCapabilitiesList(), hello.getUnavailableList());
        sessions.capabilities(deviceId, capabilities);
        capabilitiesSeen = capabilities;
        capabilities.problems().forEach(p -> LOG.warn("Device {}: {}", deviceId, Text.forLog(p)));
        LOG.info("Device {} session started (user {}, agent {}, spooled up to {}, stored up to {})",
                deviceId, Text.forLog(hello.getUser()), Text.forLog(hello.getDevice().getAgentVersion()),
                hello.getLastSpooledSequence(), stored);
        helloSeen = true;
        seenWritten = clock.instant();
        highestKnown = Math.max(highestKnown, stored);
        ack(stored);
        // The session was registered when the call opened, before this look at the live version: a publish in
        // between is then sent twice (the device applies the same version once), never missed.
        policies.dueAfterHello(deviceId, hello.getPolicyVersion()).ifPresent(this::sendPolicy);
        open.lists().flatMap(l -> l.dueAfterHello(deviceId, hello.getListVersion())).ifPresent(this::sendLists);
    }

    private void alert(io.vigil.proto.v1.Alert message) {
        var alert = ProtoMapping.alert(deviceId, message, clock.instant());
        var shot = ProtoMapping.screenshot(alert.uuid(), message);
        var done = sessions.alert(deviceId, alert, shot, highestKnown);
        highestKnown = Math.max(highestKnown, alert.sequence());
        // The stage after the callback, so that a wait for it also sees the sequence recorded for the Ack.
        stored = done.whenComplete((kept, failure) -> {
            if (failure != null) {
                end(Status.UNAVAILABLE.withDescription("console could not store the alert; retry later"), null);
                return;
            }
            alertsStoredUpTo.accumulateAndGet(alert.sequence(), Math::max);
            ackOwed.set(true);
            sessions.afterStoredBatch(flushAck);
            LOG.debug("Alert {} from device {}: {} severity {}{}", alert.uuid(), deviceId, alert.category(),
                    alert.severity(), kept ? " with screenshot" : "");
            if (shot.isPresent() && !kept) {
                LOG.warn("Alert {}: screenshot dropped ({})", alert.uuid(), shot.get().problem() != null
                        ? Text.forLog(shot.get().problem()) : "category " + alert.category() + " never keeps imagery");
            }
        });
    }

    /**
     * For a record stored synchronously: waits for the alerts before it first, because its Ack covers every
     * sequence up to its own.
     */
    private long known() {
        awaitStored();
        return highestKnown;
    }

    private void stored(long sequence) {
        highestKnown = Math.max(highestKnown, sequence);
        ack(sequence);
    }

    private void heartbeat(Heartbeat heartbeat) {
        Instant at = clock.instant();
        if (seenWritten == null || !at.isBefore(seenWritten.plus(SEEN_EVERY))) {
            sessions.heartbeat(deviceId);
            seenWritten = at;
        }
        if (capabilitiesSeen != null) {
            var now = ProtoMapping.capabilities(capabilitiesSeen.available(), heartbeat.getUnavailableList());
            if (!now.equals(capabilitiesSeen)) {
                sessions.capabilities(deviceId, now);
                capabilitiesSeen = now;
            }
        }
        if (!heartbeat.getSpoolWriteFailing().equals(spoolProblemSeen)) {
            sessions.spoolProblem(deviceId, heartbeat.getSpoolWriteFailing());
            spoolProblemSeen = heartbeat.getSpoolWriteFailing();
        }
        var figures = new HeartbeatFigures(heartbeat.getSpoolDepth(), heartbeat.getRefusedCount(),
                heartbeat.getListVersion(), heartbeat.getPolicyVersion());
        if (!figures.equals(figuresSeen) && (figures.differsBeyondDepth(figuresSeen)
                || !at.isBefore(figuresWritten.plus(SEEN_EVERY)))) {
            sessions.heartbeatFigures(deviceId, figures);
            figuresSeen = figures;
            figuresWritten = at;
        }
        if (heartbeat.getRefusedCount() > 0) {
            LOG.warn("Device {} holds {} record(s) this console refused as invalid; check that agent and console "
                    + "versions match", deviceId, heartbeat.getRefusedCount());
        }
        LOG.debug("Heartbeat from {} (spool depth {})", deviceId, heartbeat.getSpoolDepth());
    }

    /**
     * One Ack for every alert of this session stored in a batch, sent once the batch has completed: in a flood
     * each device has dozens of alerts in one batch, and an Ack per alert was a message, a TLS record and a
     * write per alert. An Ack covers every sequence up to its own, so the highest says it all.
     */
    private void flushAck() {
        synchronized (flushAck) {
            if (ackOwed.getAndSet(false)) {
                ack(alertsStoredUpTo.get());
            }
        }
    }

    /**
     * Waits until the alerts before this point are stored and acknowledged, so what follows (another Ack, the
     * end of the stream) cannot overtake their Acks.
     */
    private void awaitStored() {
        try {
            stored.join();
            flushAck();
        } catch (RuntimeException alreadyReported) {
            // The alert's own completion ended the session; nothing after it is answered.
        }
    }

    private void refuse(AgentMessage message, InvalidAlertException e) {
        awaitStored();
        LOG.warn("Refused a message from device {}: {}", deviceId, Text.forLog(e.getMessage()));
        Metadata trailers = new Metadata();
        trailers.put(REFUSED_SEQUENCE, Long.toUnsignedString(sequenceOf(message)));
        end(Status.INVALID_ARGUMENT.withDescription("invalid " + message.getKindCase().name().toLowerCase()
                + ": " + Text.forLog(e.getMessage())), trailers);
    }

    private static long sequenceOf(AgentMessage message) {
        return switch (message.getKindCase()) {
            case ALERT -> message.getAlert().getSequence();
            case FILTER_EVENT -> message.getFilterEvent().getSequence();
            case NOTICE_ACCEPTANCE -> message.getNoticeAcceptance().getSequence();
            case BROWSING_SUMMARY -> message.getBrowsingSummary().getSequence();
            case REVIEW_REQUEST -> message.getReviewRequest().getSequence();
            case TAMPER_EVENT -> message.getTamperEvent().getSequence();
            default -> 0;
        };
    }

    private void ack(long sequence) {
        send(ConsoleMessage.newBuilder().setAck(Ack.newBuilder().setUpToSequence(sequence)).build());
    }

    /** @return whether it was sent (false once the session has ended) */
    boolean sendPolicy(SignedPolicy policy) {
        return send(ConsoleMessage.newBuilder().setPolicyUpdate(PolicyUpdate.newBuilder()
                .setFilterPolicy(FilterPolicy.newBuilder().setVersion(policy.version())
                        .setPolicy(ByteString.copyFrom(policy.document()))
                        .setSignature(ByteString.copyFrom(policy.signature()))
                        .setKeyId(policy.keyId()))).build());
    }

    /** A signed keyword-list bundle; the device answers with PolicyApplied naming its version. */
    boolean sendLists(SignedPolicy bundle) {
        listVersionsSent.add(bundle.version());
        return send(ConsoleMessage.newBuilder().setPolicyUpdate(PolicyUpdate.newBuilder()
                .setKeywordLists(KeywordListBundle.newBuilder().setVersion(bundle.version())
                        .setBundle(ByteString.copyFrom(bundle.document()))
                        .setSignature(ByteString.copyFrom(bundle.signature()))
                        .setKeyId(bundle.keyId()))).build());
    }

    /**
     * gRPC stream observers are not thread-safe: acks (stream and group-commit threads) and policy pushes (web
     * threads) take turns.
     */
    private boolean send(ConsoleMessage message) {
        synchronized (out) {
            if (ended) {
                return false;
            }
            try {
                out.onNext(message);
                return true;
            } catch (RuntimeException e) {
                // The call was cancelled under us (the device went away); the device resends what it lacks.
                ended = true;
                return false;
            }
        }
    }

    private void end(Status status, Metadata trailers) {
        synchronized (out) {
            if (ended) {
                return;
            }
            ended = true;
            try {
                out.onError(status.asRuntimeException(trailers));
            } catch (RuntimeException e) {
                LOG.debug("Device {} session already closed", deviceId);
            }
        }
        open.closed(deviceId, this);
    }

    /**
     * The device was revoked while connected: it is told why (Unenrol, for agents that read commands) and the
     * stream ends with the same sentence as PERMISSION_DENIED, which every later session also gets.
     *
     * @return false if the session had already ended
     */
    boolean revoked(String reason) {
        LOG.info("Device {} revoked; ending its session", deviceId);
        boolean told = send(ConsoleMessage.newBuilder().setCommand(Command.newBuilder()
                .setCommandId(java.util.UUID.randomUUID().toString())
                .setUnenrol(Unenrol.newBuilder().setReason(reason))).build());
        end(Status.PERMISSION_DENIED.withDescription(reason), null);
        return told;
    }

    /** Another session of the same device took over. */
    void replaced() {
        LOG.info("Device {} opened a new session; the previous one is closed", deviceId);
        end(Status.ABORTED.withDescription("replaced by a newer session from the same device"), null);
    }

    /** The device cancelled the call or the connection broke. */
    void cancelled() {
        ended = true;
        open.closed(deviceId, this);
    }

    @Override
    public void onError(Throwable t) {
        ended = true;
        open.closed(deviceId, this);
        LOG.info("Device {} session ended: {}", deviceId, Status.fromThrowable(t).getCode());
    }

    @Override
    public void onCompleted() {
        awaitStored();
        synchronized (out) {
            if (!ended) {
                ended = true;
                try {
                    out.onCompleted();
                } catch (RuntimeException e) {
                    LOG.debug("Device {} session already closed", deviceId);
                }
            }
        }
        open.closed(deviceId, this);
        LOG.info("Device {} session closed", deviceId);
    }
}
