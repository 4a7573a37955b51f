package io.vigil.keywords.cli;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code compile DIR --out FILE}: validates, then writes the versioned bundle and prints its version. */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Validate a list directory and write it as one versioned bundle file.")
final class CompileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "list directory (categories.txt and *.vkl)")
    Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle file to write")
    Path out;

    private final Io io;

    CompileCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        KeywordEngine engine;
        try {
            engine = KeywordEngine.load(dir);
        } catch (ListValidationException e) {
            e.problems().forEach(io.err()::println);
            io.err().println(e.problems().size() + " problem(s); nothing written");
            return ListsMain.REFUSED;
        }
        try {
            Path target = out.toAbsolutePath();
            // Written beside the target and moved into place, so a reader never sees half a bundle.
            Path tmp = Files.createTempFile(target.getParent(), ".vigil-bundle", ".tmp");
            Files.write(tmp, engine.bundleBytes());
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            io.err().println("vigil-lists compile: cannot write " + out + ": " + e);
            return ListsMain.USAGE;
        }
        io.out().println(engine.version());
        return 0;
    }
}
