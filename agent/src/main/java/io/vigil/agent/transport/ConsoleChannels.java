package io.vigil.agent.transport;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.vigil.agent.config.ConsoleAddress;
import java.util.concurrent.TimeUnit;

/** Opens TLS channels to the console that trust only the pinned certificate. */
final class ConsoleChannels {

    private ConsoleChannels() {
    }

    static ManagedChannel open(ConsoleAddress address, PinningTrustManager trust) {
        ChannelCredentials credentials = TlsChannelCredentials.newBuilder().trustManager(trust).build();
        return Grpc.newChannelBuilderForAddress(address.host(), address.port(), credentials)
                // Notice a console that vanished without closing the connection (laptop changed network,
                // NAT dropped the flow) within about a minute instead of waiting on TCP timeouts.
                .keepAliveTime(60, TimeUnit.SECONDS)
                .keepAliveTimeout(20, TimeUnit.SECONDS)
                .keepAliveWithoutCalls(false)
                .userAgent("vigil-agent")
                .build();
    }

    static void close(ManagedChannel channel) {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
