package io.vigil.agent.cli;

import io.vigil.agent.filter.AsyncFilterListener;
import io.vigil.agent.filter.FilterEngine;
import io.vigil.agent.filter.LoggingFilterListener;
import io.vigil.agent.filter.dns.DnsFilterServer;
import io.vigil.filter.FilterPolicy;
import io.vigil.filter.PolicyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "filter", mixinStandardHelpOptions = true,
        description = "Run the web filter alone (a local DNS resolver applying the filter policy), for diagnosis and tests.")
public final class FilterCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(FilterCommand.class);

    /** Starts the filter; the composition root passes the real one. */
    @FunctionalInterface
    public interface Launcher {
        AutoCloseable start(DnsFilterServer.Settings settings, Optional<InetSocketAddress> blockPage,
                            FilterEngine engine) throws IOException;
    }

    @Option(names = "--listen", required = true, paramLabel = "ADDR:PORT", converter = HostPort.class,
            description = "Where to answer DNS (UDP and TCP), e.g. 127.0.0.1:5353.")
    InetSocketAddress listen;

    @Option(names = "--upstream", required = true, paramLabel = "ADDR:PORT", converter = HostPort.class,
            description = "Upstream resolver; repeat for fail-over, tried in order.")
    List<InetSocketAddress> upstreams;

    @Option(names = "--policy", paramLabel = "FILE", description = "Filter policy (.vfp); default: the built-in policy.")
    Path policy;

    @Option(names = "--block-address", paramLabel = "IP", defaultValue = "127.0.0.1",
            description = "What blocked names resolve to (the block page's address). Default: ${DEFAULT-VALUE}.")
    List<InetAddress> blockAddresses;

    @Option(names = "--block-page", paramLabel = "ADDR:PORT", converter = HostPort.class,
            description = "Serve the block page here, e.g. 127.0.0.1:8080 (off unless given).")
    InetSocketAddress blockPage;

    @Option(names = "--upstream-timeout-ms", paramLabel = "MS", defaultValue = "1500",
            description = "How long each upstream gets before the next is tried. Default: ${DEFAULT-VALUE}.")
    int upstreamTimeoutMs;

    @Option(names = "--user", paramLabel = "NAME", description = "Decide as this signed-in user (default: nobody, the device group).")
    String user;

    private final Launcher launcher;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public FilterCommand(Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (upstreamTimeoutMs < 50 || upstreamTimeoutMs > 30_000) {
            throw CliException.usage("--upstream-timeout-ms must be 50-30000");
        }
        FilterPolicy filterPolicy = loadPolicy();
        String version = policy == null ? "builtin" : "file:" + policy.getFileName();
        FilterEngine engine = new FilterEngine(version, filterPolicy, Clock.systemUTC(), () -> user,
                new AsyncFilterListener(new LoggingFilterListener()),
                new io.vigil.agent.filter.BypassAlerts(io.vigil.agent.filter.BypassAlerts.DEFAULT_THRESHOLD,
                        io.vigil.agent.filter.BypassAlerts.DEFAULT_WINDOW));
        DnsFilterServer.Settings settings = new DnsFilterServer.Settings(listen, upstreams,
                Duration.ofMillis(upstreamTimeoutMs), blockAddresses);
        AutoCloseable running;
        try {
            running = launcher.start(settings, Optional.ofNullable(blockPage), engine);
        } catch (IOException e) {
            throw CliException.failure(e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                log.debug("stopping filter: {}", e.toString());
            }
            stopping.countDown();
        }, "vigil-filter-shutdown"));
        log.info("filter ready with policy {}", version);
        stopping.await();
        return ExitCodes.OK;
    }

    private FilterPolicy loadPolicy() {
        if (policy == null) {
            return FilterPolicy.builtInDefault();
        }
        try {
            FilterPolicy p = FilterPolicy.load(policy);
            p.limits().forEach(l -> log.warn("not enforceable by DNS: {}", l));
            p.notices().forEach(n -> log.info("policy notice: {}", n));
            return p;
        } catch (PolicyException e) {
            throw CliException.usage("filter policy " + policy + " refused: " + String.join("; ", e.problems()));
        }
    }
}
