package io.vigil.console.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trust", mixinStandardHelpOptions = true, description = "Manage multi-academy trusts.")
final class TrustCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a multi-academy trust.")
    static final class Add extends StoreCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The trust's name.")
        String name;

        Add(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            operations.addTrust(common.dataDir, database.toConfig(spec), name);
            out.println("Added trust " + name.strip());
            return ExitCodes.OK;
        }
    }
}
