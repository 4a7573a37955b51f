package io.vigil.keywords.cli;

import java.io.InputStream;
import java.io.PrintStream;

/** The streams a command uses, injected so tests can run the CLI in-process. */
record Io(InputStream in, PrintStream out, PrintStream err) {
}
