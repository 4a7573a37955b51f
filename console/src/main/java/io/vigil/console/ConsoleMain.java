package io.vigil.console;

import io.vigil.console.cli.Cli;

/** Entry point of vigil-console.jar: builds the command line over the real wiring and exits with its code. */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        int code = Cli.create(new ConsoleWiring(), System.out, System.err, System.in).execute(args);
        System.exit(code);
    }
}
