package io.vigil.console.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Copy the embedded database, its password and the TLS certificate and key into one file,"
                + " consistently, while serve keeps running. The file holds what pupils typed: keep it as safe as"
                + " the data directory.",
                "A console on PostgreSQL is backed up with pg_dump instead (see README)."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "FILE",
            description = "Backup file to write (replaced if it exists; written readable by its owner only).")
    Path to;

    private final ConsoleOperations operations;
    private final PrintStream out;

    BackupCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() {
        var summary = operations.backup(common.dataDir, to);
        out.println("Backed up " + summary.dataDir() + " to " + summary.archive());
        return ExitCodes.OK;
    }
}
