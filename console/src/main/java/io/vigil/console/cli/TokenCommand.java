package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage enrolment tokens.")
final class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec parentSpec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(parentSpec.commandLine(), "missing command: create");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a new enrolment token for devices of a school (reusable until revoked).")
    static final class Create implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--school", paramLabel = "NAME", defaultValue = "School",
                description = "School name shown with enrolled devices (default: ${DEFAULT-VALUE}).")
        String school;

        private final ConsoleOperations operations;
        private final PrintStream out;

        Create(ConsoleOperations operations, PrintStream out) {
            this.operations = operations;
            this.out = out;
        }

        @Override
        public Integer call() {
            out.println(operations.createToken(common.dataDir, database.toConfig(spec), school.strip()));
            return ExitCodes.OK;
        }
    }
}
