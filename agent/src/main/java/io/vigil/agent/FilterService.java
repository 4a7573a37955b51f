package io.vigil.agent;

import io.vigil.agent.alert.DeviceRecord;
import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.FilterSettings;
import io.vigil.agent.filter.AsyncFilterListener;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.SpoolingFilterListener;
import io.vigil.agent.filter.dns.DnsFilterServer;
import io.vigil.agent.filter.dns.InPathCheck;
import io.vigil.agent.filter.dns.InPathMonitor;
import io.vigil.agent.filter.dns.InPathProbe;
import io.vigil.agent.filter.web.BlockPageServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The web filter, wired: the policy engine, the DNS resolver in front of it, the block page, and the timer that
 * hands closed hours of browsing counts to the listener. Part of the composition root.
 */
public final class FilterService implements AutoCloseable {

    public static final String CAPABILITY = "filter.dns";
    /** Browsing counts close on the hour; a minute's tick is soon enough to send them. */
    private static final long FLUSH_SECONDS = 60;
    /**
     * How often "is the filter still in the DNS path?" is asked again: a laptop moving to another network can
     * be handed a resolver that bypasses the filter; within a minute the console's device list says so. Each
     * check is one look-up of a fresh name, so asking this often costs nothing worth measuring.
     */
    private static final long IN_PATH_RECHECK_SECONDS = 60;

    private final FilterEngine engine;
    private final DnsFilterServer dns;
    private final Optional<BlockPageServer> blockPage;
    private final InPathProbe probe;
    private final ScheduledExecutorService timer;
    /** Closed last: what the filter handed to it reaches the spool before the agent closes the spool. */
    private final AutoCloseable records;

    private FilterService(FilterEngine engine, DnsFilterServer dns, Optional<BlockPageServer> blockPage,
                          InPathProbe probe, ScheduledExecutorService timer, AutoCloseable records) {
        this.records = records;
        this.engine = engine;
        this.dns = dns;
        this.blockPage = blockPage;
        this.probe = probe;
        this.timer = timer;
    }

    public static FilterService start(DnsFilterServer.Settings settings, Optional<InetSocketAddress> blockPageAt,
                                      FilterEngine engine) throws IOException {
        return start(settings, blockPageAt, engine, () -> { });
    }

    /** @param records closed after the filter stops: the queue that takes the filter's records to the spool */
    static FilterService start(DnsFilterServer.Settings settings, Optional<InetSocketAddress> blockPageAt,
                               FilterEngine engine, AutoCloseable records) throws IOException {
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
        return new FilterService(engine, dns, page, probe, timer, records);
    }

    /**
     * Starts the filter when the config enables it ({@code filter.dns}), enforcing the built-in default until
     * the policy receiver hands in the verified last good policy, and checks that the OS resolves through it
     * ({@code filter.in_path}). A filter that cannot start is reported unavailable; the agent runs on.
     */
    static Optional<FilterService> forAgent(AgentConfig config, Supplier<String> user, Consumer<DeviceRecord> records,
                                            List<String> available, Map<String, String> unavailable) {
        FilterSettings s = config.filter();
        if (!s.enabled()) {
            return Optional.empty();
        }
        AtomicReference<FilterEngine> engineRef = new AtomicReference<>();
        AsyncFilterListener toSpool = new AsyncFilterListener(
                new SpoolingFilterListener(records, () -> engineRef.get() == null ? "" : engineRef.get().version()));
        // The built-in default until the policy receiver applies the verified last good policy: the filter
        // keeps no unsigned copy of its own, so only what was signed by the school's key is ever enforced.
        FilterEngine engine = FilterEngine.builtIn(Clock.systemUTC(), user, toSpool); // asked per query: a user switch moves the filter group
        engineRef.set(engine);
        try {
            FilterService service = start(new DnsFilterServer.Settings(s.listen(), s.upstreams(),
                    s.upstreamTimeout(), s.blockAddresses()), s.blockPage(), engine, toSpool);
            available.add(CAPABILITY);
            service.inPathProblem().ifPresentOrElse(
                    reason -> unavailable.put(InPathCheck.CAPABILITY, reason),
                    () -> available.add(InPathCheck.CAPABILITY));
            return Optional.of(service);
        } catch (IOException e) {
            toSpool.close();
            unavailable.put(CAPABILITY, e.getMessage());
            return Optional.empty();
        }
    }

    /** The filter policy engine: {@link FilterEngine#apply} is where a verified, pushed policy is handed in. */
    public FilterEngine engine() {
        return engine;
    }

    /**
     * Re-checks the DNS path every minute and reports each change to {@code report}, so a filter that drops
     * out of the path (or comes back) shows on the console's device list via the next Heartbeat.
     *
     * @param atStart what was reported at start for {@link InPathCheck#CAPABILITY}
     */
    void watchInPath(Optional<String> atStart, BiConsumer<String, Optional<String>> report) {
        InPathMonitor monitor = new InPathMonitor(this::inPathProblem, atStart, report);
        timer.scheduleWithFixedDelay(monitor::recheck, IN_PATH_RECHECK_SECONDS, IN_PATH_RECHECK_SECONDS,
                TimeUnit.SECONDS);
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
        try {
            records.close();
        } catch (Exception e) {
            throw new IllegalStateException("filter records not handed on: " + e.getMessage(), e);
        }
    }
}
