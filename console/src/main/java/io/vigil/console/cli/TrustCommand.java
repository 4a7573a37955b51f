package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trust", mixinStandardHelpOptions = true, description = "Manage multi-academy trusts.")
final class TrustCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a multi-academy trust.")
    static final class Add implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The trust's name.")
        String name;

        private final ConsoleOperations operations;
        private final PrintStream out;

        Add(ConsoleOperations operations, PrintStream out) {
            this.operations = operations;
            this.out = out;
        }

        @Override
        public Integer call() {
            operations.addTrust(common.dataDir, database.toConfig(spec), name);
            out.println("Added trust " + name.strip());
            return ExitCodes.OK;
        }
    }
}
