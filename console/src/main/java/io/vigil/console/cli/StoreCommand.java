package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A shell command that works on the console's store: the data directory and database options every such
 * command takes (picocli reads the annotated fields of this class for each subclass), and the operations and
 * output it is given by the composition root.
 */
abstract class StoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    DatabaseOptions database;

    final ConsoleOperations operations;
    final PrintStream out;

    StoreCommand(ConsoleOperations operations, PrintStream out) {
        this.operations = operations;
        this.out = out;
    }
}
