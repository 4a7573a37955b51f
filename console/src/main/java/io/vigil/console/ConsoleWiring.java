package io.vigil.console;

import io.vigil.console.cli.ConsoleOperations;
import io.vigil.console.config.DataDirectory;
import io.vigil.console.config.PortCheck;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import io.vigil.console.tls.CertificateStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/** Turns command-line operations into calls on a {@link ConsoleApp} over one data directory. */
final class ConsoleWiring implements ConsoleOperations {

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();

    @Override
    public RunningConsole serve(ServeOptions options) {
        // Check everything that can be checked before writing a single file.
        PortCheck.requireFree(options.bind(), options.httpPort(), "HTTPS console", "--http-port");
        PortCheck.requireFree(options.bind(), options.grpcPort(), "agent gRPC", "--grpc-port");
        Path dataDir = DataDirectory.prepare(options.dataDir());
        return StartedConsole.start(options.withDataDir(dataDir), clock, random);
    }

    @Override
    public String createToken(Path dataDir, Optional<String> school) {
        try (ConsoleApp app = open(dataDir)) {
            return app.createToken(ConsoleApp.CLI_ACTOR, school);
        }
    }

    @Override
    public String addUser(Path dataDir, String username, Set<Role> roles, Membership where, String password) {
        try (ConsoleApp app = open(dataDir)) {
            return app.addUser(ConsoleApp.CLI_ACTOR, username, roles, where, password);
        }
    }

    @Override
    public void addSchool(Path dataDir, String name, Optional<String> trust) {
        try (ConsoleApp app = open(dataDir)) {
            app.addSchool(ConsoleApp.CLI_ACTOR, name, trust);
        }
    }

    @Override
    public void addTrust(Path dataDir, String name) {
        try (ConsoleApp app = open(dataDir)) {
            app.addTrust(ConsoleApp.CLI_ACTOR, name);
        }
    }

    @Override
    public String fingerprint(Path dataDir) {
        return new CertificateStore(DataDirectory.existing(dataDir)).loadOrCreate().fingerprint();
    }

    private ConsoleApp open(Path dataDir) {
        return ConsoleApp.open(DataDirectory.prepare(dataDir), clock, random);
    }
}
