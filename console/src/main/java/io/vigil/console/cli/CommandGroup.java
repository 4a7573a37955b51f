package io.vigil.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code school add}, {@code token create}): run on its own it names
 * the subcommands it expects, as a usage error.
 */
abstract class CommandGroup implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public final void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: " + String.join(" or ", spec.subcommands().keySet()));
    }
}
