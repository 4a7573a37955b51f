package io.vigil.agent.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The web filter's place on this device ({@code filter.*} keys). The policy itself is not here: it comes from
 * the console (signed) and is kept in the state directory.
 *
 * @param listen          where the local resolver answers; the OS is pointed at it (packaging/dns/README.md)
 * @param upstreams       resolvers allowed queries go to, in order of preference
 * @param upstreamTimeout how long each upstream gets before the next is tried
 * @param blockAddresses  what blocked names resolve to (the block page's address)
 * @param blockPage       where the block page listens; empty when off
 */
public record FilterSettings(boolean enabled, InetSocketAddress listen, List<InetSocketAddress> upstreams,
                             Duration upstreamTimeout, List<InetAddress> blockAddresses,
                             Optional<InetSocketAddress> blockPage) {

    public static final FilterSettings DISABLED = new FilterSettings(false,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 53), List.of(), Duration.ofMillis(1500),
            List.of(InetAddress.getLoopbackAddress()), Optional.empty());

    public FilterSettings {
        upstreams = List.copyOf(upstreams);
        blockAddresses = List.copyOf(blockAddresses);
    }
}
