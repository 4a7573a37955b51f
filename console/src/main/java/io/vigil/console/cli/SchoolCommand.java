package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "school", mixinStandardHelpOptions = true, description = "Manage schools.")
final class SchoolCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a school. Its devices, alerts and users are kept apart from every other school's.")
    static final class Add implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The school's name.")
        String name;

        @Option(names = "--trust", paramLabel = "TRUST",
                description = "The multi-academy trust the school belongs to (add it first with `trust add`).")
        String trust;

        private final ConsoleOperations operations;
        private final PrintStream out;

        Add(ConsoleOperations operations, PrintStream out) {
            this.operations = operations;
            this.out = out;
        }

        @Override
        public Integer call() {
            operations.addSchool(common.dataDir, database.toConfig(spec), name, Optional.ofNullable(trust));
            out.println("Added school " + name.strip() + (trust == null ? "" : " in trust " + trust.strip()));
            return ExitCodes.OK;
        }
    }
}
