package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "school", mixinStandardHelpOptions = true, description = "Manage schools.")
final class SchoolCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a school. Its devices, alerts and users are kept apart from every other school's.")
    static final class Add extends StoreCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The school's name.")
        String name;

        @Option(names = "--trust", paramLabel = "TRUST",
                description = "The multi-academy trust the school belongs to (add it first with `trust add`).")
        String trust;

        Add(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            operations.addSchool(common.dataDir, database.toConfig(spec), name, Optional.ofNullable(trust));
            out.println("Added school " + name.strip() + (trust == null ? "" : " in trust " + trust.strip()));
            return ExitCodes.OK;
        }
    }
}
