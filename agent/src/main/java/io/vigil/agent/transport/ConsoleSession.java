package io.vigil.agent.transport;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.signing.PolicyReceiver;
import io.vigil.agent.spool.AlertSpool;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.Hello;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the device's Session with the console open for as long as the agent runs: connects,
 * delivers the spool, and reconnects with backoff whenever the console is unreachable. Alerts stay
 * in the spool until acknowledged, so an outage only delays them.
 */
public final class ConsoleSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSession.class);
    static final Metadata.Key<String> DEVICE_ID =
            Metadata.Key.of("x-vigil-device-id", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> DEVICE_CREDENTIAL =
            Metadata.Key.of("x-vigil-device-credential", Metadata.ASCII_STRING_MARSHALLER);

    private final ConsoleAddress address;
    private final PinningTrustManager trust;
    private final SessionIdentity identity;
    private final AlertSpool spool;
    private final TransportSettings settings;
    private final PolicyReceiver policies;
    /** Keyword-list bundles; null when this session delivers filter policies only (tests of the transport). */
    private final PolicyReceiver lists;
    /** Released by spool appends and console messages; the session loop waits on it. */
    private final Semaphore wakeup = new Semaphore(0);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final TransportCounters counters = new TransportCounters();
    private volatile SessionCall current;
    private volatile ManagedChannel channel;
    private volatile boolean revoked;
    private Thread thread;

    public ConsoleSession(ConsoleAddress address, CertificatePin pin, SessionIdentity identity, AlertSpool spool,
                          TransportSettings settings, PolicyReceiver policies) {
        this(address, pin, identity, spool, settings, policies, null);
    }

    public ConsoleSession(ConsoleAddress address, CertificatePin pin, SessionIdentity identity, AlertSpool spool,
                          TransportSettings settings, PolicyReceiver policies, PolicyReceiver lists) {
        this.policies = policies;
        this.lists = lists;
        this.address = address;
        this.trust = new PinningTrustManager(pin);
        this.identity = identity;
        this.spool = spool;
        this.settings = settings;
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        spool.onAppend(wakeup::release);
        thread = Thread.ofPlatform().name("vigil-transport").daemon().start(this::run);
    }

    /**
     * The channel is built here, on the transport thread, not in {@link #start()}: building the first TLS
     * channel initialises Netty and OpenSSL (a second of CPU on a laptop, several on a busy one), and the
     * agent's start, which a stop request must wait for, should not include it.
     */
    private void run() {
        ManagedChannel opened = ConsoleChannels.open(address, trust);
        channel = opened;
        if (isClosing()) {
            ConsoleChannels.close(opened); // close() may have looked for the channel before it existed
            return;
        }
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(), ThreadLocalRandom.current());
        while (!isClosing()) {
            SessionCall call = new SessionCall(wakeup::release);
            current = call;
            long started = System.nanoTime();
            try {
                counters.attempted();
                new SessionPump(call, open(call), spool, identity, settings, wakeup, this::isClosing, policies,
                        lists, counters).run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (isClosing()) {
                    return; // the call was cancelled under the pump by close()
                }
                log.error("console session failed unexpectedly", e);
                call.cancel("agent error");
            } finally {
                current = null;
            }
            if (isClosing()) {
                return;
            }
            // Only a session that stayed up resets the backoff: one the console ends straight after Hello
            // (an alert it refuses, a failing database) would otherwise be retried at the fastest rate by
            // every device at once, for ever.
            if (call.heardFromConsole() && System.nanoTime() - started >= settings.maxBackoff().toNanos()) {
                backoff.reset();
            }
            if (!waitBeforeReconnect(call, backoff)) {
                return;
            }
        }
    }

    /** One record the console will never accept must not hold up every record behind it. */
    private void setAside(long sequence, Status status) {
        if (spool.setAside(sequence)) {
            log.error("console refused record seq {} as invalid ({}); kept it aside on this device and carrying on "
                    + "with the rest ({} set aside in all). Check that agent and console versions match.",
                    sequence, status.getDescription(), spool.refusedCount());
        }
    }

    private StreamObserver<AgentMessage> open(SessionCall call) {
        Metadata headers = new Metadata();
        headers.put(DEVICE_ID, identity.deviceId());
        headers.put(DEVICE_CREDENTIAL, identity.deviceCredential());
        StreamObserver<AgentMessage> requests = AgentGatewayGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                .session(call);
        var capabilities = identity.capabilities().get();
        requests.onNext(AgentMessage.newBuilder().setHello(Hello.newBuilder()
                .setUser(identity.user())
                .setDevice(ProtoMapper.deviceFacts(identity.facts()))
                .setListVersion(lists == null ? identity.listVersion() : lists.reportedVersion())
                .setPolicyVersion(policies.runningVersion())
                .addAllCapabilities(capabilities.available())
                .addAllUnavailable(ProtoMapper.unavailable(capabilities))
                .setLastSpooledSequence(spool.lastSequence())).build());
        return requests;
    }

    /** @return false if the agent is shutting down */
    private boolean waitBeforeReconnect(SessionCall call, Backoff backoff) {
        Status status = call.endStatus();
        if (call.revoked()) {
            return stopRevoked(call);
        }
        call.refusedSequence().ifPresent(sequence -> setAside(sequence, status));
        var mismatch = ConsoleErrors.pinMismatch(status.asRuntimeException(), trust);
        String problem = ConsoleErrors.describe(status.asRuntimeException(), address, mismatch);
        Duration delay;
        if (mismatch.isPresent()) {
            delay = backoff.nextDelay();
            log.error("{}: refusing to talk to it; {} record(s) wait in the spool; retrying in {} ms", problem,
                    spool.depth(), delay.toMillis());
        } else if (status.getCode() == Status.Code.UNAUTHENTICATED) {
            delay = backoff.maxDelay();
            log.error("device {}: {}. {} record(s) wait in the spool; retrying in {} ms", identity.deviceId(),
                    problem, spool.depth(), delay.toMillis());
        } else {
            delay = backoff.nextDelay();
            log.warn("console session ended: {}; {} record(s) in the spool; reconnecting in {} ms", problem,
                    spool.depth(), delay.toMillis());
        }
        counters.waiting(delay);
        try {
            return !closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A revoked device stops sending and does not retry: the console refuses every session of it, and a fleet of
     * revoked laptops reconnecting for ever would be noise in both logs. One line says so. The spool stays as it
     * is, so nothing captured is destroyed; a restart of the agent tries once more (and says so again).
     */
    private boolean stopRevoked(SessionCall call) {
        revoked = true;
        log.error("device {} was revoked: {}. Stopped sending to the console and not reconnecting; {} record(s) "
                + "kept in the spool. Re-enrol the device with 'vigil-agent enrol' if it should be monitored again.",
                identity.deviceId(), call.revocationReason(), spool.depth());
        return false;
    }

    /** Whether the console revoked this device, so the transport stopped for good. */
    public boolean revoked() {
        return revoked;
    }

    /** What the transport has done so far (attempts, loop turns, records in flight, reconnect delays). */
    public TransportCounters counters() {
        return counters;
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Ends the session and waits briefly for the transport thread; the spool keeps anything unsent. */
    @Override
    public synchronized void close() {
        closing.countDown();
        wakeup.release(); // the pump half-closes the call itself
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SessionCall call = current;
        if (call != null) {
            call.cancel("agent shutting down");
        }
        ManagedChannel built = channel;
        if (built != null) {
            ConsoleChannels.close(built);
        }
    }
}
