package io.vigil.console.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restore a file made by 'backup' into a new or empty data directory. The search index is"
                + " rebuilt when serve next starts there.")
final class RestoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "Backup file.")
    Path from;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Data directory to restore into; it must be empty or not exist.")
    Path dataDir;

    private final ConsoleOperations operations;
    private final PrintStream out;

    RestoreCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() {
        var summary = operations.restore(from, dataDir);
        out.println("Restored " + summary.alerts() + " alerts into " + summary.dataDir()
                + "; the search index is rebuilt when serve starts");
        return ExitCodes.OK;
    }
}
