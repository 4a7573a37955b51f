package io.vigil.agent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What only the system service ({@code vigil-agent service}) reads from the config file: where the session
 * helpers connect, how long a missing helper is tolerated, and what tampering is watched for.
 *
 * @param helperSocket      the Unix domain socket the service creates for session helpers
 * @param helperGrace       how long after start (or after the last helper left) no helper is reported missing
 * @param dnsPaths          the OS DNS settings that point the resolver at the filter; a change is tampering
 * @param repeatThreshold   this many tamper events within {@code repeatWindow} also raise a DSL alert
 */
public record ServiceSettings(Path helperSocket, Duration helperGrace, List<Path> dnsPaths, int repeatThreshold,
                              Duration repeatWindow) {

    public static final Path DEFAULT_SOCKET = Path.of("/run/vigil/helper.sock");
    public static final List<Path> DEFAULT_DNS_PATHS = List.of(Path.of("/etc/resolv.conf"),
            Path.of("/etc/systemd/resolved.conf.d/vigil.conf"), Path.of("/usr/lib/systemd/resolved.conf.d/vigil.conf"));

    public ServiceSettings {
        Objects.requireNonNull(helperSocket);
        Objects.requireNonNull(helperGrace);
        dnsPaths = List.copyOf(dnsPaths);
        Objects.requireNonNull(repeatWindow);
    }
}
