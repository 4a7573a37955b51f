package io.vigil.agent;

import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.dns.DnsFilterServer;
import io.vigil.agent.filter.dns.InPathCheck;
import io.vigil.agent.filter.dns.InPathProbe;
import io.vigil.agent.filter.web.BlockPageServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The web filter, wired: the policy engine, the DNS resolver in front of it, the block page, and the timer that
 * hands closed hours of browsing counts to the listener. Part of the composition root.
 */
public final class FilterService implements AutoCloseable {

    /** Browsing counts close on the hour; a minute's tick is soon enough to send them. */
    private static final long FLUSH_SECONDS = 60;

    private final FilterEngine engine;
    private final DnsFilterServer dns;
    private final Optional<BlockPageServer> blockPage;
    private final InPathProbe probe;
    private final ScheduledExecutorService timer;

    private FilterService(FilterEngine engine, DnsFilterServer dns, Optional<BlockPageServer> blockPage,
                          InPathProbe probe, ScheduledExecutorService timer) {
        this.engine = engine;
        this.dns = dns;
        this.blockPage = blockPage;
        this.probe = probe;
        this.timer = timer;
    }

    public static FilterService start(DnsFilterServer.Settings settings, Optional<InetSocketAddress> blockPageAt,
                                      FilterEngine engine) throws IOException {
        InPathProbe probe = new InPathProbe();
        Optional<BlockPageServer> page = Optional.empty();
        if (blockPageAt.isPresent()) {
            page = Optional.of(BlockPageServer.start(blockPageAt.get(), engine));
        }
        DnsFilterServer dns;
        try {
            dns = DnsFilterServer.start(settings, engine, probe);
        } catch (IOException e) {
            page.ifPresent(BlockPageServer::close);
            throw e;
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("vigil-filter-timer").daemon().factory());
        timer.scheduleWithFixedDelay(engine::flushBrowsing, FLUSH_SECONDS, FLUSH_SECONDS, TimeUnit.SECONDS);
        return new FilterService(engine, dns, page, probe, timer);
    }

    public FilterEngine engine() {
        return engine;
    }

    public InetSocketAddress dnsAddress() {
        return dns.address();
    }

    public Optional<InetSocketAddress> blockPageAddress() {
        return blockPage.map(BlockPageServer::address);
    }

    /** Whether the OS resolver goes through this filter; empty when it does, else why not. */
    public Optional<String> inPathProblem() {
        return new InPathCheck(probe, Duration.ofSeconds(5)).problem();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        dns.close();
        blockPage.ifPresent(BlockPageServer::close);
        engine.flushAllBrowsing();
    }
}
