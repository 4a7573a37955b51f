package io.vigil.console;

import io.vigil.console.cli.Cli;

/** Entry point of vigil-console.jar: builds the command line over the real wiring and exits with its code. */
public final class ConsoleMain {

    /**
     * Lucene warns through java.util.logging when the JVM was not started with the incubating vector
     * module; a jar cannot add modules itself, and the warning only concerns vector search, which the
     * console does not use. Held in a field because JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTORS =
            java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        LUCENE_VECTORS.setLevel(java.util.logging.Level.SEVERE);
        int code = Cli.create(new ConsoleWiring(), System.out, System.err, System.in).execute(args);
        System.exit(code);
    }
}
