package io.vigil.agent.cli;

import io.vigil.agent.platform.Platform;
import io.vigil.agent.transport.Enroller;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code vigil-agent} command line. Expected problems print one line naming the problem:
 * exit 2 for bad input (flags, config, scripts), 1 for run-time failures. No stack traces for either.
 */
@Command(name = "vigil-agent", mixinStandardHelpOptions = true, versionProvider = AgentCli.Version.class,
        description = "Vigil safeguarding agent.")
public final class AgentCli implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(AgentCli.class);

    private AgentCli() {
    }

    public static CommandLine commandLine(Platform platform, AgentLauncher launcher, FilterCommand.Launcher filter) {
        return commandLine(platform, launcher, filter, (file, config, settings, user) -> {
            throw CliException.failure("the service is not available in this build");
        }, (socket, user, replay) -> {
            throw CliException.failure("the session helper is not available in this build");
        });
    }

    public static CommandLine commandLine(Platform platform, AgentLauncher launcher, FilterCommand.Launcher filter,
                                          ServiceCommand.Launcher service, SessionHelperCommand.Launcher helper) {
        CommandLine cli = new CommandLine(new AgentCli());
        Enroller enroller = new Enroller();
        cli.addSubcommand(new EnrolCommand(enroller, platform::deviceFacts));
        FirstStartEnrolment firstStart = new FirstStartEnrolment(enroller::enrol, platform::deviceFacts, System.getenv());
        cli.addSubcommand(new RunCommand(launcher, platform::userName, firstStart));
        cli.addSubcommand(new FilterCommand(filter));
        cli.addSubcommand(new ServiceCommand(service, firstStart));
        cli.addSubcommand(new SessionHelperCommand(helper, platform::userName));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("vigil-agent: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (e instanceof CliException c) {
                err.println("vigil-agent: " + c.getMessage());
                err.flush();
                return c.exitCode();
            }
            log.debug("unexpected failure", e);
            err.println("vigil-agent: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            err.flush();
            return ExitCodes.FAILURE;
        });
        return cli;
    }

    @Override
    public void run() {
        throw CliException.usage("missing command: use 'vigil-agent enrol', 'run', 'service', 'session-helper' or 'filter' (see --help)");
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vigil-agent " + Platform.agentVersion()};
        }
    }
}
