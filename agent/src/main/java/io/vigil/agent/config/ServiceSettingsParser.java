package io.vigil.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** Reads {@link ServiceSettings}; every bad value names its key. */
final class ServiceSettingsParser {

    static final String SOCKET = "helper.socket";
    static final String GRACE = "helper.grace_seconds";
    static final String DNS_PATHS = "tamper.dns_paths";
    static final String THRESHOLD = "tamper.repeat_threshold";
    static final String WINDOW = "tamper.repeat_window_hours";
    static final Set<String> KEYS = Set.of(SOCKET, GRACE, DNS_PATHS, THRESHOLD, WINDOW);

    private ServiceSettingsParser() {
    }

    static ServiceSettings parse(Properties p, Path configDir) {
        String socket = p.getProperty(SOCKET, ServiceSettings.DEFAULT_SOCKET.toString()).strip();
        if (socket.isEmpty()) {
            throw new IllegalArgumentException("key '" + SOCKET + "': must be a path");
        }
        List<Path> dns = new ArrayList<>();
        String dnsText = p.getProperty(DNS_PATHS);
        if (dnsText == null) {
            dns.addAll(ServiceSettings.DEFAULT_DNS_PATHS);
        } else {
            for (String d : dnsText.split(",")) {
                if (!d.isBlank()) {
                    dns.add(configDir.resolve(d.strip()));
                }
            }
        }
        return new ServiceSettings(configDir.resolve(socket), Duration.ofSeconds(intIn(p, GRACE, 60, 1, 3600)), dns,
                intIn(p, THRESHOLD, 3, 1, 1000), Duration.ofHours(intIn(p, WINDOW, 24, 1, 24 * 30)));
    }

    private static int intIn(Properties p, String key, int fallback, int min, int max) {
        String text = p.getProperty(key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("key '" + key + "': must be a whole number from " + min + " to " + max
                + ", not '" + text.strip() + "'");
    }
}
