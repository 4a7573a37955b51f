package io.vigil.console.cli;

import io.vigil.console.config.IdleTimeout;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.ConsoleException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Ports, bind address and session idle timeout for serve and demo; validated here so a bad value is a usage error (exit 2). */
final class ListenOptions {

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8443",
            description = "HTTPS port of the web console (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--grpc-port", paramLabel = "PORT", defaultValue = "9443",
            description = "gRPC/TLS port agents connect to (default: ${DEFAULT-VALUE}).")
    int grpcPort;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", defaultValue = "20m",
            description = "Lock a signed-in web session after this long without activity, e.g. 20m, 90s, 1h"
                    + " (default: ${DEFAULT-VALUE}; 1m to 8h).")
    String idleTimeout;

    ServeOptions toServeOptions(CommandSpec spec, Path dataDir, String bind) {
        checkPort(spec, "--http-port", httpPort);
        checkPort(spec, "--grpc-port", grpcPort);
        if (httpPort != 0 && httpPort == grpcPort) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--http-port and --grpc-port must differ (both " + httpPort + ")");
        }
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bind: '" + bind + "' is not an address of this machine");
        }
        Duration idle;
        try {
            idle = IdleTimeout.parse(idleTimeout);
        } catch (ConsoleException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--idle-timeout: " + e.getMessage());
        }
        return new ServeOptions(dataDir, bind, httpPort, grpcPort).withIdleTimeout(idle);
    }

    private static void checkPort(CommandSpec spec, String flag, int port) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    flag + ": " + port + " is not a port number (0-65535)");
        }
    }
}
