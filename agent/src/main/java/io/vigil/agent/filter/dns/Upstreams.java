package io.vigil.agent.filter.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SimpleResolver;

/**
 * The configured upstream resolvers, tried in turn: each gets {@code timeout}, a failure or a SERVFAIL/REFUSED
 * answer moves on to the next, and the one that last answered is tried first next time (fail-over that sticks).
 * So the worst case before the client gets SERVFAIL is {@code upstreams × timeout}.
 */
final class Upstreams {

    private final List<SimpleResolver> udp;
    private final List<SimpleResolver> tcp;
    private final AtomicInteger preferred = new AtomicInteger();

    Upstreams(List<InetSocketAddress> servers, Duration timeout) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one upstream resolver is needed");
        }
        this.udp = servers.stream().map(s -> resolver(s, timeout, false)).toList();
        this.tcp = servers.stream().map(s -> resolver(s, timeout, true)).toList();
    }

    private static SimpleResolver resolver(InetSocketAddress server, Duration timeout, boolean tcp) {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        r.setTCP(tcp);
        return r;
    }

    /** The first usable answer, or a future failed with the last upstream's error. */
    CompletableFuture<Message> send(Message query, boolean overTcp) {
        List<SimpleResolver> resolvers = overTcp ? tcp : udp;
        int start = preferred.get();
        return attempt(query, resolvers, start, 0).toCompletableFuture();
    }

    private CompletionStage<Message> attempt(Message query, List<SimpleResolver> resolvers, int start, int tried) {
        int index = (start + tried) % resolvers.size();
        return resolvers.get(index).sendAsync(query.clone()).handle((answer, error) -> {
            boolean usable = error == null && answer.getRcode() != Rcode.SERVFAIL && answer.getRcode() != Rcode.REFUSED;
            if (usable) {
                preferred.set(index);
                return CompletableFuture.completedFuture(answer);
            }
            if (tried + 1 < resolvers.size()) {
                return attempt(query, resolvers, start, tried + 1);
            }
            return CompletableFuture.<Message>failedFuture(error != null ? error
                    : new IOException("upstream answered " + Rcode.string(answer.getRcode())));
        }).thenCompose(f -> f);
    }
}
