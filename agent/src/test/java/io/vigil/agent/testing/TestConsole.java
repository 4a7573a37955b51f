package io.vigil.agent.testing;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.vigil.proto.v1.Ack;
import io.vigil.proto.v1.AgentGatewayGrpc;
import io.vigil.proto.v1.AgentMessage;
import io.vigil.proto.v1.Alert;
import io.vigil.proto.v1.ConsoleMessage;
import io.vigil.proto.v1.EnrollRequest;
import io.vigil.proto.v1.EnrollResponse;
import io.vigil.proto.v1.Hello;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal console for agent tests: a real gRPC server over Netty TLS on 127.0.0.1 implementing
 * AgentGateway as the proto comments specify (token check, metadata auth, Ack after Hello with the
 * high-water mark, idempotent storage keyed on uuid). It can be stopped and restarted on the same port.
 */
public final class TestConsole implements AutoCloseable {

    public static final String TOKEN = "school-token-123";
    public static final String SCHOOL = "Hillside Academy";
    private static final Metadata.Key<String> DEVICE_ID = Metadata.Key.of("x-vigil-device-id",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> DEVICE_CREDENTIAL = Metadata.Key.of("x-vigil-device-credential",
            Metadata.ASCII_STRING_MARSHALLER);

    private final TestCertificate certificate;
    private final Map<String, String> credentials = new ConcurrentHashMap<>();
    private final Map<String, Alert> stored = new ConcurrentHashMap<>();
    private final Map<String, Long> highWater = new ConcurrentHashMap<>();
    private final List<Alert> received = new CopyOnWriteArrayList<>();
    private final List<Hello> hellos = new CopyOnWriteArrayList<>();
    private final List<AgentMessage> heartbeats = new CopyOnWriteArrayList<>();
    private final AtomicInteger enrollCalls = new AtomicInteger();
    private final AtomicInteger sessionCalls = new AtomicInteger();
    private volatile boolean acking = true;
    private volatile boolean dropping;
    private volatile long helloAckDelayMs;
    private volatile boolean refusing;
    private volatile long refusedSequence = -1;
    private volatile Server server;
    private final List<StreamObserver<ConsoleMessage>> sessions = new CopyOnWriteArrayList<>();
    private int port;

    public TestConsole(TestCertificate certificate) {
        this.certificate = certificate;
    }

    public TestConsole start() throws IOException {
        var credentials = TlsServerCredentials.newBuilder()
                .keyManager(certificate.certificatePem(), certificate.privateKeyPem()).build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port), credentials)
                .addService(ServerInterceptors.intercept(new Gateway(), new DeviceAuth()))
                .build().start();
        port = server.getPort();
        return this;
    }

    /** Simulates the console going down: every connection is dropped. */
    public void stop() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public TestCertificate certificate() {
        return certificate;
    }

    /** Registers a device as if it had enrolled, returning its id; the credential is {@code credential}. */
    public String registerDevice(String credential) {
        String id = "dev-" + UUID.randomUUID();
        credentials.put(id, credential);
        return id;
    }

    /** Off: alerts are stored but not acknowledged (the Ack is lost). */
    public void setAcking(boolean acking) {
        this.acking = acking;
    }

    /** On: alerts are received but neither stored nor acknowledged (the console failed before storing). */
    public void setDropping(boolean dropping) {
        this.dropping = dropping;
    }

    /** The console already holds sequences up to {@code sequence} for the device (from an earlier spool). */
    public void holdUpTo(String deviceId, long sequence) {
        highWater.merge(deviceId, sequence, Math::max);
    }

    /** Answers each Hello only after this long (a console slow under load); later messages queue behind it. */
    public void setHelloAckDelay(java.time.Duration delay) {
        this.helloAckDelayMs = delay.toMillis();
    }

    /** On: every alert ends its session with INVALID_ARGUMENT, as the console does for one it cannot accept. */
    public void setRefusing(boolean refusing) {
        this.refusing = refusing;
    }

    /** Refuses the alert with this sequence as the real console does: INVALID_ARGUMENT naming it in a trailer. */
    public void refuseSequence(long sequence) {
        this.refusedSequence = sequence;
    }

    public Map<String, Alert> stored() {
        return stored;
    }

    public List<Alert> received() {
        return new ArrayList<>(received);
    }

    public List<Hello> hellos() {
        return hellos;
    }

    public List<AgentMessage> heartbeats() {
        return heartbeats;
    }

    /** Sends a Ping command on every open session (the agent answers with a heartbeat). */
    public void ping() {
        for (StreamObserver<ConsoleMessage> session : sessions) {
            synchronized (session) {
                session.onNext(ConsoleMessage.newBuilder().setCommand(io.vigil.proto.v1.Command.newBuilder()
                        .setCommandId(UUID.randomUUID().toString())
                        .setPing(io.vigil.proto.v1.Ping.getDefaultInstance())).build());
            }
        }
    }

    public int enrollCalls() {
        return enrollCalls.get();
    }

    public int sessionCalls() {
        return sessionCalls.get();
    }

    private final class DeviceAuth implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            if (call.getMethodDescriptor().getBareMethodName().equals("Session")) {
                sessionCalls.incrementAndGet();
                String id = headers.get(DEVICE_ID);
                String credential = headers.get(DEVICE_CREDENTIAL);
                if (id == null || credential == null || !credential.equals(credentials.get(id))) {
                    call.close(Status.UNAUTHENTICATED.withDescription("unknown device or wrong credential"),
                            new Metadata());
                    return new ServerCall.Listener<>() { };
                }
                return io.grpc.Contexts.interceptCall(io.grpc.Context.current().withValue(DEVICE, id), call, headers,
                        next);
            }
            return next.startCall(call, headers);
        }
    }

    private static final io.grpc.Context.Key<String> DEVICE = io.grpc.Context.key("device");

    private final class Gateway extends AgentGatewayGrpc.AgentGatewayImplBase {
        @Override
        public void enroll(EnrollRequest request, StreamObserver<EnrollResponse> response) {
            enrollCalls.incrementAndGet();
            if (!TOKEN.equals(request.getEnrolmentToken())) {
                response.onError(Status.PERMISSION_DENIED.withDescription("unknown token").asRuntimeException());
                return;
            }
            String credential = UUID.randomUUID() + "-" + UUID.randomUUID();
            String id = registerDevice(credential);
            response.onNext(EnrollResponse.newBuilder().setDeviceId(id).setDeviceCredential(credential)
                    .setSchool(SCHOOL).build());
            response.onCompleted();
        }

        @Override
        public StreamObserver<AgentMessage> session(StreamObserver<ConsoleMessage> response) {
            String device = DEVICE.get();
            sessions.add(response);
            return new StreamObserver<>() {
                @Override
                public synchronized void onNext(AgentMessage message) {
                    switch (message.getKindCase()) {
                        case HELLO -> {
                            hellos.add(message.getHello());
                            pause(helloAckDelayMs);
                            ack(highWater.getOrDefault(device, 0L));
                        }
                        case ALERT -> {
                            Alert alert = message.getAlert();
                            received.add(alert);
                            if (refusing) {
                                response.onError(Status.INVALID_ARGUMENT.withDescription("invalid alert")
                                        .asRuntimeException());
                                return;
                            }
                            if (alert.getSequence() == refusedSequence) {
                                Metadata trailers = new Metadata();
                                trailers.put(Metadata.Key.of("x-vigil-refused-sequence",
                                        Metadata.ASCII_STRING_MARSHALLER), Long.toString(refusedSequence));
                                response.onError(Status.INVALID_ARGUMENT.withDescription("invalid alert: category: "
                                        + "too long").asRuntimeException(trailers));
                                return;
                            }
                            if (dropping) {
                                return;
                            }
                            stored.putIfAbsent(alert.getUuid(), alert);
                            long mark = highWater.merge(device, alert.getSequence(), Math::max);
                            if (acking) {
                                ack(mark);
                            }
                        }
                        case HEARTBEAT -> heartbeats.add(message);
                        default -> { }
                    }
                }

                private void pause(long millis) {
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }

                private void ack(long upTo) {
                    synchronized (response) {
                        response.onNext(ConsoleMessage.newBuilder()
                            .setAck(Ack.newBuilder().setUpToSequence(upTo)).build());
                    }
                }

                @Override
                public void onError(Throwable t) {
                    sessions.remove(response);
                }

                @Override
                public void onCompleted() {
                    sessions.remove(response);
                    response.onCompleted();
                }
            };
        }
    }
}
