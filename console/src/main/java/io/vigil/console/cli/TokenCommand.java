package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage enrolment tokens.")
final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a new enrolment token for devices of a school (reusable until revoked).")
    static final class Create implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--school", paramLabel = "NAME",
                description = "The school whose devices enrol with this token (may be left out when there is only"
                        + " one school).")
        String school;

        private final ConsoleOperations operations;
        private final PrintStream out;

        Create(ConsoleOperations operations, PrintStream out) {
            this.operations = operations;
            this.out = out;
        }

        @Override
        public Integer call() {
            out.println(operations.createToken(common.dataDir, database.toConfig(spec),
                    java.util.Optional.ofNullable(school)));
            return ExitCodes.OK;
        }
    }
}
