package io.vigil.agent.transport;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.agent.signing.SignedPolicy;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.FilterPolicy;
import io.vigil.proto.v1.KeywordListBundle;
import io.vigil.proto.v1.PolicyUpdate;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's side of one Session call, as seen by the agent: records what arrived (on gRPC's
 * threads) for the session loop to act on (on the transport thread), and wakes that loop.
 */
final class SessionCall implements ClientResponseObserver<AgentMessage, ConsoleMessage> {

    private static final Logger log = LoggerFactory.getLogger(SessionCall.class);
    private static final long NO_ACK = -1;
    /** See the Session contract in agent_gateway.proto: names a record the console refused as invalid. */
    static final Metadata.Key<String> REFUSED_SEQUENCE =
            Metadata.Key.of("x-vigil-refused-sequence", Metadata.ASCII_STRING_MARSHALLER);

    private final Runnable wake;
    private final AtomicLong latestAck = new AtomicLong(NO_ACK);
    private final AtomicBoolean heartbeatRequested = new AtomicBoolean();
    private final Queue<Pushed> policies = new ConcurrentLinkedQueue<>();

    /** A push as it arrived: keyword lists or a filter policy, not yet verified. */
    record Pushed(boolean lists, SignedPolicy policy) {
    }
    private volatile boolean heardFromConsole;
    private volatile String unenrolReason;
    private volatile boolean ended;
    private volatile Status endStatus = Status.OK;
    private volatile OptionalLong refusedSequence = OptionalLong.empty();
    private volatile ClientCallStreamObserver<AgentMessage> requests;

    SessionCall(Runnable wake) {
        this.wake = wake;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<AgentMessage> requestStream) {
        this.requests = requestStream;
    }

    @Override
    public void onNext(ConsoleMessage message) {
        heardFromConsole = true;
        switch (message.getKindCase()) {
            case ACK -> latestAck.accumulateAndGet(message.getAck().getUpToSequence(), Math::max);
            case COMMAND -> command(message);
            case POLICY_UPDATE -> policyUpdate(message.getPolicyUpdate());
            default -> log.debug("ignoring console message of unknown kind {}", message.getKindCase());
        }
        wake.run();
    }

    /** Verified and applied on the transport thread (never gRPC's), which then answers PolicyApplied. */
    private void policyUpdate(PolicyUpdate update) {
        switch (update.getPayloadCase()) {
            case FILTER_POLICY -> {
                FilterPolicy p = update.getFilterPolicy();
                policies.add(new Pushed(false, new SignedPolicy(p.getVersion(), p.getPolicy().toByteArray(),
                        p.getSignature().toByteArray(), p.getKeyId())));
            }
            case KEYWORD_LISTS -> {
                KeywordListBundle b = update.getKeywordLists();
                policies.add(new Pushed(true, new SignedPolicy(b.getVersion(), b.getBundle().toByteArray(),
                        b.getSignature().toByteArray(), b.getKeyId())));
            }
            default -> log.debug("ignoring an empty policy update");
        }
    }

    /** The next policy or list bundle the console pushed, or null. */
    Pushed takePolicy() {
        return policies.poll();
    }

    private void command(ConsoleMessage message) {
        var command = message.getCommand();
        switch (command.getKindCase()) {
            case PING -> heartbeatRequested.set(true);
            // Logged once, with the status that ends the call straight after (see ConsoleSession).
            case UNENROL -> unenrolReason = command.getUnenrol().getReason();
            default -> log.debug("ignoring console command {} of unknown kind", command.getCommandId());
        }
    }

    @Override
    public void onError(Throwable t) {
        endStatus = Status.fromThrowable(t);
        refusedSequence = refusedSequence(t);
        ended = true;
        wake.run();
    }

    @Override
    public void onCompleted() {
        endStatus = Status.UNAVAILABLE.withDescription("console closed the session");
        ended = true;
        wake.run();
    }

    /** The highest acknowledgement received since the last call, or null. */
    Long takeAck() {
        long ack = latestAck.getAndSet(NO_ACK);
        return ack == NO_ACK ? null : ack;
    }

    boolean takeHeartbeatRequest() {
        return heartbeatRequested.getAndSet(false);
    }

    boolean heardFromConsole() {
        return heardFromConsole;
    }

    boolean ended() {
        return ended;
    }

    Status endStatus() {
        return endStatus;
    }

    /**
     * Whether the console revoked this device: it ended the call with PERMISSION_DENIED (on a new session: before
     * any message) or sent Unenrol. Either way no later session will be accepted.
     */
    boolean revoked() {
        return unenrolReason != null || endStatus.getCode() == Status.Code.PERMISSION_DENIED;
    }

    /** The console's sentence for a revocation. */
    String revocationReason() {
        String described = endStatus.getDescription();
        return described != null ? described : unenrolReason != null ? unenrolReason : "device revoked";
    }

    /** The sequence of the record the console refused as invalid, if that is why the call ended. */
    OptionalLong refusedSequence() {
        return refusedSequence;
    }

    private static OptionalLong refusedSequence(Throwable t) {
        Metadata trailers = Status.trailersFromThrowable(t);
        String value = trailers == null ? null : trailers.get(REFUSED_SEQUENCE);
        if (Status.fromThrowable(t).getCode() != Status.Code.INVALID_ARGUMENT || value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            log.warn("console named a refused record with an unreadable sequence '{}'", value);
            return OptionalLong.empty();
        }
    }

    void cancel(String why) {
        if (!ended) {
            endStatus = Status.CANCELLED.withDescription(why); // gRPC reports the cancellation asynchronously
        }
        ClientCallStreamObserver<AgentMessage> r = requests;
        if (r != null) {
            r.cancel(why, null);
        }
    }
}
