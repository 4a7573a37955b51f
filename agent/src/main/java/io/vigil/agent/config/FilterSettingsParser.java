package io.vigil.agent.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** Reads {@link FilterSettings} from the config file's properties; every bad value names its key. */
final class FilterSettingsParser {

    static final String ENABLED = "filter.enabled";
    static final String LISTEN = "filter.listen";
    static final String UPSTREAM = "filter.upstream";
    static final String UPSTREAM_TIMEOUT_MS = "filter.upstream_timeout_ms";
    static final String BLOCK_ADDRESS = "filter.block_address";
    static final String BLOCK_PAGE = "filter.block_page";
    static final Set<String> KEYS = Set.of(ENABLED, LISTEN, UPSTREAM, UPSTREAM_TIMEOUT_MS, BLOCK_ADDRESS, BLOCK_PAGE);

    private FilterSettingsParser() {
    }

    static FilterSettings parse(Properties p) {
        String enabled = p.getProperty(ENABLED, "false").strip();
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new IllegalArgumentException("key '" + ENABLED + "': must be true or false, not '" + enabled + "'");
        }
        FilterSettings d = FilterSettings.DISABLED;
        InetSocketAddress listen = p.getProperty(LISTEN) == null ? d.listen() : hostPort(LISTEN, p.getProperty(LISTEN));
        List<InetSocketAddress> upstreams = new ArrayList<>();
        for (String u : p.getProperty(UPSTREAM, "").split(",")) {
            if (!u.isBlank()) {
                upstreams.add(hostPort(UPSTREAM, u));
            }
        }
        if (enabled.equals("true") && upstreams.isEmpty()) {
            throw new IllegalArgumentException("key '" + UPSTREAM + "': the filter needs at least one upstream "
                    + "resolver (e.g. 1.1.1.3:53,9.9.9.9:53)");
        }
        int timeout = intIn(p, UPSTREAM_TIMEOUT_MS, (int) d.upstreamTimeout().toMillis(), 50, 30_000);
        List<InetAddress> block = new ArrayList<>();
        for (String a : p.getProperty(BLOCK_ADDRESS, "127.0.0.1").split(",")) {
            block.add(address(BLOCK_ADDRESS, a.strip()));
        }
        String page = p.getProperty(BLOCK_PAGE, "off").strip();
        Optional<InetSocketAddress> blockPage = page.equals("off") ? Optional.empty()
                : Optional.of(hostPort(BLOCK_PAGE, page));
        return new FilterSettings(enabled.equals("true"), listen, upstreams, Duration.ofMillis(timeout), block, blockPage);
    }

    private static InetSocketAddress hostPort(String key, String value) {
        String v = value.strip();
        int colon = v.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("key '" + key + "': '" + v + "' must be ADDRESS:PORT, e.g. 127.0.0.1:53");
        }
        String host = v.substring(0, colon).replace("[", "").replace("]", "");
        try {
            int port = Integer.parseInt(v.substring(colon + 1));
            if (port < 0 || port > 65_535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(address(key, host), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("key '" + key + "': port in '" + v + "' must be 0-65535");
        }
    }

    private static InetAddress address(String key, String host) {
        if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            throw new IllegalArgumentException("key '" + key + "': '" + host + "' must be an IP address, not a name");
        }
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("key '" + key + "': '" + host + "' is not an IP address");
        }
    }

    private static int intIn(Properties p, String key, int dflt, int min, int max) {
        String v = p.getProperty(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("key '" + key + "': must be a whole number " + min + "-" + max);
    }
}
