package io.vigil.console.testing;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.DeviceFacts;
import io.vigil.proto.v1.EnrollRequest;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Hello;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal agent for tests: real Netty TLS that trusts only the console certificate (pinning), enrol,
 * and a session whose console messages are queued for assertions.
 */
public final class TestAgentClient implements AutoCloseable {

    /**
     * How long a reply may take before the test fails: a hang guard, not the expected time. Every wait ends at
     * its message; on a CI machine busy with other builds a TLS handshake or a group commit can take seconds.
     */
    static final java.time.Duration PATIENCE = java.time.Duration.ofMinutes(2);

    private final ManagedChannel channel;

    public TestAgentClient(int port, Path consoleCertificate) throws IOException {
        var credentials = TlsChannelCredentials.newBuilder().trustManager(consoleCertificate.toFile()).build();
        this.channel = NettyChannelBuilder.forAddress("localhost", port, credentials).build();
    }

    public EnrollResponse enrol(String token, String hostname) {
        return AgentGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                .enroll(EnrollRequest.newBuilder().setEnrolmentToken(token)
                        .setDevice(facts(hostname)).build());
    }

    public EnrollResponse enrol(String token, DeviceFacts facts) {
        return AgentGatewayGrpc.newBlockingStub(channel).withDeadlineAfter(PATIENCE.toSeconds(), TimeUnit.SECONDS)
                .enroll(EnrollRequest.newBuilder().setEnrolmentToken(token).setDevice(facts).build());
    }

    public static DeviceFacts facts(String hostname) {
        return DeviceFacts.newBuilder().setHostname(hostname).setOsName("Linux").setOsVersion("6.1")
                .setAgentVersion("test-1").build();
    }

    public Session session(String deviceId, String credential) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-vigil-device-id", Metadata.ASCII_STRING_MARSHALLER), deviceId);
        headers.put(Metadata.Key.of("x-vigil-device-credential", Metadata.ASCII_STRING_MARSHALLER), credential);
        Session session = new Session();
        session.out = AgentGatewayGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)).session(session);
        return session;
    }

    public static AgentMessage hello(String user, String hostname) {
        return AgentMessage.newBuilder().setHello(Hello.newBuilder().setUser(user).setDevice(facts(hostname))
                .setListVersion("sha256:test")).build();
    }

    public static Alert.Builder alert(long sequence, String category, int severity, String snippet) {
        Instant now = Instant.now();
        return Alert.newBuilder().setUuid(UUID.randomUUID().toString()).setSequence(sequence).setCategory(category)
                .setSeverity(severity).setSnippet(snippet).addRuleIds(category + ".1").setApp("chrome")
                .setWindowTitle("Chat - Google Chrome").setUser("j.smith").setSource("keyboard").setScore(10)
                .setListVersion("sha256:test")
                .setOccurredAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    }

    public static AgentMessage message(Alert.Builder alert) {
        return AgentMessage.newBuilder().setAlert(alert).build();
    }

    /** One open session; replies and the final status are queued. */
    public static AgentMessage noticeAcceptance(long sequence, String user, String version, String group) {
        return AgentMessage.newBuilder().setNoticeAcceptance(io.vigil.proto.v1.NoticeAcceptance.newBuilder()
                .setUuid(java.util.UUID.randomUUID().toString()).setSequence(sequence).setUser(user)
                .setNoticeVersion(version).setGroup(group)
                .setAcceptedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_764_000_000))).build();
    }

    public static AgentMessage filterEvent(long sequence, String domain) {
        return AgentMessage.newBuilder().setFilterEvent(io.vigil.proto.v1.FilterEvent.newBuilder()
                .setUuid(java.util.UUID.randomUUID().toString()).setSequence(sequence).setDomain(domain)
                .setAction(io.vigil.proto.v1.FilterEvent.Action.ACTION_BLOCKED).setCategory("proxy_vpn")
                .setUser("j.smith")).build();
    }

    public static AgentMessage browsingSummary(long sequence, String user) {
        return AgentMessage.newBuilder().setBrowsingSummary(io.vigil.proto.v1.BrowsingSummary.newBuilder()
                .setUuid(java.util.UUID.randomUUID().toString()).setSequence(sequence).setUser(user)
                .setHour(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_764_000_000))
                .addDomains(io.vigil.proto.v1.DomainCount.newBuilder().setDomain("bbc.co.uk").setRequests(4))).build();
    }

    public static AgentMessage reviewRequest(long sequence, String user, String domain) {
        return AgentMessage.newBuilder().setReviewRequest(io.vigil.proto.v1.ReviewRequest.newBuilder()
                .setUuid(java.util.UUID.randomUUID().toString()).setSequence(sequence).setUser(user)
                .setDomain(domain).setCategory("weapons").setComment("for history homework")).build();
    }

    public static final class Session implements StreamObserver<ConsoleMessage> {

        private final BlockingQueue<ConsoleMessage> replies = new LinkedBlockingQueue<>();
        private final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        private StreamObserver<AgentMessage> out;

        public void send(AgentMessage message) {
            out.onNext(message);
        }

        public void complete() {
            out.onCompleted();
        }

        /** The next Ack's sequence, failing the test if none arrives within {@link #PATIENCE}. */
        public long nextAck() throws InterruptedException {
            ConsoleMessage reply = replies.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (reply == null) {
                throw new AssertionError("no reply within " + PATIENCE + "; stream ended with " + ended.getNow(null));
            }
            return reply.getAck().getUpToSequence();
        }

        /** The next filter policy the console pushed, skipping Acks, failing the test if none comes within {@link #PATIENCE}. */
        public io.vigil.proto.v1.FilterPolicy nextPolicy() throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                ConsoleMessage reply = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (reply != null && reply.hasPolicyUpdate()) {
                    return reply.getPolicyUpdate().getFilterPolicy();
                }
            }
            throw new AssertionError("no policy within " + PATIENCE + "; stream ended with " + ended.getNow(null));
        }

        /** The next command the console sent, skipping Acks, failing the test if none comes within {@link #PATIENCE}. */
        public io.vigil.proto.v1.Command nextCommand() throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                ConsoleMessage reply = replies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (reply != null && reply.hasCommand()) {
                    return reply.getCommand();
                }
            }
            throw new AssertionError("no command within " + PATIENCE + "; stream ended with " + ended.getNow(null));
        }

        /** The error that ended the stream (null for a clean end), waiting up to 10 s. */
        public Throwable awaitEnd() throws Exception {
            return ended.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public void onNext(ConsoleMessage value) {
            replies.add(value);
        }

        @Override
        public void onError(Throwable t) {
            ended.complete(t);
        }

        @Override
        public void onCompleted() {
            ended.complete(null);
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
