package io.vigil.agent.cli;

import io.vigil.agent.config.AgentConfig;
import io.vigil.agent.config.ConfigException;
import io.vigil.agent.config.ConfigFile;
import io.vigil.agent.config.ServiceSettings;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "service", mixinStandardHelpOptions = true,
        description = "Run the system service (as root): filter, spool, transport, policy and health; session "
                + "helpers hand it their alerts over a Unix domain socket; tampering is reported.")
public final class ServiceCommand implements Callable<Integer> {

    /** Starts the service from validated input; supplied by the composition root. */
    @FunctionalInterface
    public interface Launcher {
        RunningAgent launch(Path configFile, AgentConfig config, ServiceSettings settings, Optional<String> sessionUser);
    }

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Config file written by enrol.")
    Path config;

    @Option(names = "--session-user", paramLabel = "NAME",
            description = "The only user whose helper is accepted (default: config 'user', else every user "
                    + "systemd-logind lists with a session).")
    String sessionUser;

    @Option(names = "--enrolment", paramLabel = "FILE",
            description = "Zero-touch enrolment file an MDM dropped (default: enrol.properties beside --config); "
                    + "used only while --config does not exist yet.")
    Path enrolment;

    private final Launcher launcher;
    private final FirstStartEnrolment firstStart;
    private final CountDownLatch stopping = new CountDownLatch(1);

    public ServiceCommand(Launcher launcher) {
        this(launcher, null);
    }

    /** @param firstStart enrols a device that has no config yet from the MDM's enrolment file (null: never) */
    ServiceCommand(Launcher launcher, FirstStartEnrolment firstStart) {
        this.launcher = launcher;
        this.firstStart = firstStart;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (firstStart != null) {
            firstStart.enrolIfNeeded(config, enrolment != null ? enrolment : FirstStartEnrolment.defaultEnrolmentFile(config));
        }
        ConfigFile file = new ConfigFile(config);
        AgentConfig agentConfig;
        ServiceSettings settings;
        try {
            agentConfig = file.load();
            settings = file.loadServiceSettings();
        } catch (ConfigException e) {
            throw CliException.usage(e.getMessage());
        }
        Optional<String> user = Optional.ofNullable(sessionUser).map(String::strip).filter(s -> !s.isEmpty())
                .or(agentConfig::user);
        RunningAgent service = launcher.launch(config, agentConfig, settings, user);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopping.countDown();
        }, "vigil-shutdown"));
        stopping.await();
        return ExitCodes.OK;
    }
}
