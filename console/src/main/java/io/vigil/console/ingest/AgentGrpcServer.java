package io.vigil.console.ingest;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.vigil.console.domain.DeviceAuthenticator;
import io.vigil.console.domain.DeviceRevocations;
import io.vigil.console.domain.DeviceSessions;
import io.vigil.console.domain.Enrolment;
import io.vigil.console.policy.PolicyDelivery;
import io.vigil.console.tls.TlsIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The agent-facing gRPC server. It takes its {@link ServerBuilder} from the caller so that production
 * passes Netty with TLS and a fast test may pass an in-process builder.
 */
public final class AgentGrpcServer implements AutoCloseable {

    /** Alerts are small; the 4 MiB cap leaves room for an optional screenshot and no more. */
    public static final int MAX_INBOUND_MESSAGE_BYTES = 4 * 1024 * 1024;
    /** A device holds one session; a few more allow a reconnect while the old stream is still closing. */
    static final int MAX_CALLS_PER_CONNECTION = 4;
    private static final int HANDLER_THREADS = 16;

    private final Server server;
    private final ExecutorService executor;
    private final OpenSessions open;

    public AgentGrpcServer(ServerBuilder<?> builder, Enrolment enrolment, DeviceSessions sessions,
                           DeviceAuthenticator authenticator, Clock clock, PolicyDelivery policies,
                           OpenSessions open) {
        this(builder, enrolment, sessions, authenticator, DeviceRevocations.NONE, clock, policies, open);
    }

    /** @param revocations devices whose sessions are refused although their credential is right */
    public AgentGrpcServer(ServerBuilder<?> builder, Enrolment enrolment, DeviceSessions sessions,
                           DeviceAuthenticator authenticator, DeviceRevocations revocations, Clock clock,
                           PolicyDelivery policies, OpenSessions open) {
        this.open = open;
        // Bounded threads: a flood of devices queues rather than exhausting the console's memory.
        this.executor = Executors.newFixedThreadPool(HANDLER_THREADS, r -> {
            Thread t = new Thread(r, "agent-grpc");
            t.setDaemon(true);
            return t;
        });
        var service = new AgentGatewayService(enrolment, sessions, clock, policies, open);
        this.server = builder
                .addService(ServerInterceptors.intercept(service, new DeviceAuthInterceptor(authenticator, revocations)))
                .executor(executor)
                .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
                .maxInboundMetadataSize(16 * 1024)
                .handshakeTimeout(20, TimeUnit.SECONDS)
                .build();
    }

    /** A Netty builder on {@code bind:port} with TLS from the console certificate, with limits for the internet. */
    public static ServerBuilder<?> nettyTls(String bind, int port, TlsIdentity tls) {
        try {
            var credentials = TlsServerCredentials.create(tls.certificateFile().toFile(), tls.keyFile().toFile());
            return NettyServerBuilder.forAddress(new InetSocketAddress(bind, port), credentials)
                    .maxConcurrentCallsPerConnection(MAX_CALLS_PER_CONNECTION)
                    // Agents ping every ~30 s to keep NAT mappings; refuse anything more eager.
                    .permitKeepAliveTime(20, TimeUnit.SECONDS)
                    .permitKeepAliveWithoutCalls(true)
                    .keepAliveTime(60, TimeUnit.SECONDS)
                    .keepAliveTimeout(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the console certificate for gRPC", e);
        }
    }

    public AgentGrpcServer start() throws IOException {
        server.start();
        return this;
    }

    /** Device sessions open now, one per device. */
    public int openSessions() {
        return open.size();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
        executor.shutdownNow();
    }
}
