package io.vigil.agent.cli;

import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.CertificatePin;
import io.vigil.agent.config.ConfigException;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.config.ConsoleAddress;
import io.vigil.agent.platform.DeviceFacts;
import io.vigil.agent.transport.Enroller;
import io.vigil.agent.transport.Enrolment;
import io.vigil.agent.transport.TransportException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Enrol this device with a Vigil console and write the agent's config file.")
public final class EnrolCommand implements Callable<Integer> {

    @Option(names = "--console", required = true, paramLabel = "HOST:PORT", converter = Converters.Address.class,
            description = "The console's gRPC address.")
    ConsoleAddress console;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The school's enrolment token.")
    String token;

    @Option(names = "--pin", required = true, paramLabel = "SHA256", converter = Converters.Pin.class,
            description = "SHA-256 fingerprint of the console's certificate (64 hex digits, ':' separators allowed).")
    CertificatePin pin;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Config file to write.")
    Path config;

    @Option(names = "--force", description = "Replace an existing config file (the device gets a new identity).")
    boolean force;

    @Spec
    CommandSpec spec;

    private final Enroller enroller;
    private final Supplier<DeviceFacts> facts;

    public EnrolCommand(Enroller enroller, Supplier<DeviceFacts> facts) {
        this.enroller = enroller;
        this.facts = facts;
    }

    @Override
    public Integer call() {
        if (token.isBlank()) {
            throw CliException.usage("--token is empty");
        }
        ConfigFile file = new ConfigFile(config);
        if (Files.exists(config) && !force) {
            throw CliException.usage("config " + config + " already exists" + existingDevice(file)
                    + "; pass --force to enrol again as a new device");
        }
        Enrolment enrolment;
        try {
            enrolment = enroller.enrol(console, pin, token.strip(), facts.get());
        } catch (TransportException e) {
            throw CliException.failure(e.getMessage());
        }
        try {
            file.write(AgentConfig.enrolled(console, pin, enrolment.deviceId(), enrolment.deviceCredential(), config)
                    .withPolicyKeys(enrolment.policyKeys()));
        } catch (IOException e) {
            throw CliException.failure("enrolled as device " + enrolment.deviceId() + " but cannot write config "
                    + config + ": " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Enrolled as device " + enrolment.deviceId() + " (" + enrolment.school() + ")");
        out.flush();
        return ExitCodes.OK;
    }

    private static String existingDevice(ConfigFile file) {
        try {
            return " (device " + file.load().deviceId() + ")";
        } catch (ConfigException e) {
            return "";
        }
    }
}
