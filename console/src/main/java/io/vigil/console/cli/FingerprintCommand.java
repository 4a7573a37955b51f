package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "fingerprint", mixinStandardHelpOptions = true,
        description = "Print the SHA-256 fingerprint of the console certificate (what agents pin).")
final class FingerprintCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    private final ConsoleOperations operations;
    private final PrintStream out;

    FingerprintCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }

    @Override
    public Integer call() {
        out.println(operations.fingerprint(common.dataDir));
        return ExitCodes.OK;
    }
}
