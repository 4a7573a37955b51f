package io.vigil.console.cli;

import io.vigil.console.domain.ConsoleException;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Builds the vigil-console command line. Expected problems print one clear line and exit non-zero:
 * 2 for a wrong command line, 1 for a failure while running. Stack traces are only logged for bugs.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    public static CommandLine create(ConsoleOperations operations, PrintStream out, PrintStream err, InputStream in) {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CommandLine cli = new CommandLine(new RootCommand())
                .addSubcommand(new ServeCommand(operations, out))
                .addSubcommand(new DemoCommand(operations, out))
                .addSubcommand(new CommandLine(new UserCommand())
                        .addSubcommand(new UserCommand.Add(operations, stdin, out))
                        .addSubcommand("link", new DirectoryCommand.Link(operations, out))
                        .addSubcommand(new UserLifecycleCommands.Totp(operations, out))
                        .addSubcommand(new UserLifecycleCommands.Disable(operations, out))
                        .addSubcommand(new UserLifecycleCommands.Enable(operations, out))
                        .addSubcommand(new UserLifecycleCommands.ResetPassword(operations, stdin, out))
                        .addSubcommand(new UserLifecycleCommands.SetRoles(operations, out)))
                .addSubcommand(new CommandLine(new DirectoryCommand())
                        .addSubcommand(new DirectoryCommand.Import(operations, out, err)))
                .addSubcommand(new CommandLine(new TokenCommand())
                        .addSubcommand(new TokenCommand.Create(operations, out))
                        .addSubcommand(new TokenCommand.List(operations, out))
                        .addSubcommand(new TokenCommand.Revoke(operations, out)))
                .addSubcommand(new CommandLine(new SchoolCommand())
                        .addSubcommand(new SchoolCommand.Add(operations, out)))
                .addSubcommand(new CommandLine(new OncallCommand())
                        .addSubcommand(new OncallCommand.Set(operations, out)))
                .addSubcommand(new CommandLine(new TrustCommand())
                        .addSubcommand(new TrustCommand.Add(operations, out)))
                .addSubcommand(new FingerprintCommand(operations, out))
                .addSubcommand(new BackupCommand(operations, out))
                .addSubcommand(new RestoreCommand(operations, out));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("vigil-console: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConsoleException) {
                err.println("vigil-console: " + ex.getMessage());
            } else {
                LOG.error("Unexpected failure", ex);
                err.println("vigil-console: unexpected error: " + ex);
            }
            return ExitCodes.FAILED;
        });
        return cli;
    }

    @CommandLine.Command(name = "vigil-console", mixinStandardHelpOptions = true, version = "vigil-console 0.1.0",
            synopsisSubcommandLabel = "COMMAND",
            description = "Vigil safeguarding console for the Designated Safeguarding Lead.")
    static final class RootCommand implements Runnable {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "missing command: choose serve, demo, school add, trust add, user add, oncall set,"
                            + " token create|list|revoke, directory import, fingerprint,"
                            + " backup or restore");
        }
    }
}
