package io.vigil.console.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The --data option every command shares. */
final class CommonOptions {

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Console data directory (certificate, database, search index).")
    Path dataDir;
}
