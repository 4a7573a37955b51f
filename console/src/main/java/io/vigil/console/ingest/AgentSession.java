package io.vigil.console.ingest;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.InvalidAlertException;
import io.vigil.console.policy.PolicyDelivery;
import io.vigil.console.policy.SignedPolicy;
import com.google.protobuf.ByteString;
import io.vigil.proto.v1.FilterPolicy;
import io.vigil.proto.v1.PolicyUpdate;
import io.vigil.proto.v1.Ack;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.ConsoleMessage;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's session stream. gRPC delivers a stream's messages one at a time, so everything here runs
 * sequentially: store and commit, then acknowledge, then ask for indexing. An Ack therefore never covers
 * anything that is not durably stored.
 */
final class AgentSession implements StreamObserver<AgentMessage> {

    private static final Logger LOG = LoggerFactory.getLogger(AgentSession.class);
    /** Names the refused record so the agent can set it aside instead of resending it for ever. */
    static final Metadata.Key<String> REFUSED_SEQUENCE =
            Metadata.Key.of("x-vigil-refused-sequence", Metadata.ASCII_STRING_MARSHALLER);

    private final String deviceId;
    private final StreamObserver<ConsoleMessage> out;
    private final DeviceSessions sessions;
    private final Clock clock;
    private final PolicyDelivery policies;
    private final OpenSessions open;
    /** Written by the stream's own thread, read by publishers pushing from web threads. */
    private volatile boolean ended;
    /** As last stored; a heartbeat rewrites the device row only when what is unavailable changed. */
    private io.vigil.console.domain.DeviceCapabilities capabilitiesSeen;

    AgentSession(String deviceId, StreamObserver<ConsoleMessage> out, DeviceSessions sessions,
                 Clock clock, PolicyDelivery policies, OpenSessions open) {
        this.deviceId = deviceId;
        this.out = out;
        this.sessions = sessions;
        this.clock = clock;
        this.policies = policies;
        this.open = open;
    }

    @Override
    public void onNext(AgentMessage message) {
        if (ended) {
            return;
        }
        try {
            switch (message.getKindCase()) {
                case HELLO -> {
                    var hello = message.getHello();
                    long stored = sessions.hello(deviceId, hello.getUser(), ProtoMapping.facts(hello.getDevice()));
                    var capabilities = ProtoMapping.capabilities(hello.getCapabilitiesList(), hello.getUnavailableList());
                    sessions.capabilities(deviceId, capabilities);
                    capabilitiesSeen = capabilities;
                    capabilities.problems().forEach(p -> LOG.warn("Device {}: {}", deviceId, p));
                    LOG.info("Device {} session started (user {}, agent {}, spooled up to {}, stored up to {})",
                            deviceId, hello.getUser(), hello.getDevice().getAgentVersion(),
                            hello.getLastSpooledSequence(), stored);
                    ack(stored);
                    // Registered before looking at the live version: a publish in between is then sent twice
                    // (the device applies the same version once), never missed.
                    open.opened(deviceId, this);
                    policies.dueAfterHello(deviceId, hello.getPolicyVersion()).ifPresent(this::sendPolicy);
                }
                case ALERT -> {
                    var alert = ProtoMapping.alert(deviceId, message.getAlert(), clock.instant());
                    var shot = ProtoMapping.screenshot(alert.uuid(), message.getAlert());
                    boolean kept = sessions.alert(deviceId, alert, shot);
                    ack(alert.sequence());
                    LOG.info("Alert {} from device {}: {} severity {}{}", alert.uuid(), deviceId, alert.category(),
                            alert.severity(), kept ? " with screenshot" : "");
                    if (shot.isPresent() && !kept) {
                        LOG.warn("Alert {}: screenshot dropped ({})", alert.uuid(), shot.get().problem() != null
                                ? shot.get().problem() : "category " + alert.category() + " never keeps imagery");
                    }
                }
                case FILTER_EVENT -> ack(sessions.filterEvent(
                        ProtoMapping.filterEvent(deviceId, message.getFilterEvent(), clock.instant())));
                case NOTICE_ACCEPTANCE -> {
                    var acceptance = ProtoMapping.noticeAcceptance(deviceId, message.getNoticeAcceptance(),
                            clock.instant());
                    ack(sessions.noticeAcceptance(acceptance));
                    LOG.info("Notice acceptance {} from device {}: notice {} ({})", acceptance.uuid(), deviceId,
                            acceptance.noticeVersion(), acceptance.group());
                }
                case BROWSING_SUMMARY -> ack(sessions.browsingSummary(
                        ProtoMapping.browsingSummary(deviceId, message.getBrowsingSummary())));
                case REVIEW_REQUEST -> ack(sessions.reviewRequest(
                        ProtoMapping.reviewRequest(deviceId, message.getReviewRequest(), clock.instant())));
                case HEARTBEAT -> heartbeat(message.getHeartbeat());
                case POLICY_APPLIED -> policies.applied(deviceId, message.getPolicyApplied().getVersion(),
                        message.getPolicyApplied().getOk(), message.getPolicyApplied().getError());
                case KIND_NOT_SET -> LOG.debug("Device {} sent a message kind this console does not know", deviceId);
            }
        } catch (InvalidAlertException e) {
            LOG.warn("Refused a message from device {}: {}", deviceId, e.getMessage());
            Metadata trailers = new Metadata();
            trailers.put(REFUSED_SEQUENCE, Long.toString(sequenceOf(message)));
            end(Status.INVALID_ARGUMENT.withDescription("invalid " + message.getKindCase().name().toLowerCase()
                    + ": " + e.getMessage()), trailers);
        } catch (RuntimeException e) {
            // Nothing was acknowledged, so the device keeps the record and resends it on the next session.
            LOG.error("Could not process a message from device {}", deviceId, e);
            end(Status.UNAVAILABLE.withDescription("console could not store the message; retry later"), null);
        }
    }

    private void heartbeat(io.vigil.proto.v1.Heartbeat heartbeat) {
        sessions.heartbeat(deviceId);
        if (capabilitiesSeen != null) {
            var now = ProtoMapping.capabilities(capabilitiesSeen.available(), heartbeat.getUnavailableList());
            if (!now.equals(capabilitiesSeen)) {
                sessions.capabilities(deviceId, now);
                capabilitiesSeen = now;
            }
        }
        if (heartbeat.getRefusedCount() > 0) {
            LOG.warn("Device {} holds {} record(s) this console refused as invalid; check that agent and console "
                    + "versions match", deviceId, heartbeat.getRefusedCount());
        }
        LOG.debug("Heartbeat from {} (spool depth {})", deviceId, heartbeat.getSpoolDepth());
    }

    private static long sequenceOf(AgentMessage message) {
        return switch (message.getKindCase()) {
            case ALERT -> message.getAlert().getSequence();
            case FILTER_EVENT -> message.getFilterEvent().getSequence();
            case NOTICE_ACCEPTANCE -> message.getNoticeAcceptance().getSequence();
            case BROWSING_SUMMARY -> message.getBrowsingSummary().getSequence();
            case REVIEW_REQUEST -> message.getReviewRequest().getSequence();
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

    /** gRPC stream observers are not thread-safe: acks (stream thread) and pushes (web threads) take turns. */
    private synchronized boolean send(ConsoleMessage message) {
        if (ended) {
            return false;
        }
        try {
            out.onNext(message);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("Device {}: could not send on a closing session", deviceId, e);
            return false;
        }
    }

    private synchronized void end(Status status, Metadata trailers) {
        ended = true;
        open.closed(deviceId, this);
        out.onError(status.asRuntimeException(trailers));
    }

    @Override
    public void onError(Throwable t) {
        ended = true;
        open.closed(deviceId, this);
        LOG.info("Device {} session ended: {}", deviceId, Status.fromThrowable(t).getCode());
    }

    @Override
    public void onCompleted() {
        open.closed(deviceId, this);
        synchronized (this) {
            if (!ended) {
                ended = true;
                out.onCompleted();
            }
        }
        LOG.info("Device {} session closed", deviceId);
    }
}
