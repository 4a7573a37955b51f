package io.vigil.keywords.cli;

import io.vigil.keywords.KeywordEngine;
import io.vigil.keywords.ListValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate DIR}: checks a list set and prints every problem as {@code file:line: problem}. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a list directory; prints every problem as file:line: problem and exits 1 on any.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "list directory (categories.txt and *.vkl)")
    Path dir;

    private final Io io;

    ValidateCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try {
            KeywordEngine engine = KeywordEngine.load(dir);
            io.out().println("OK " + engine.categoryCount() + " categories, " + engine.ruleCount() + " rules, version "
                    + engine.version());
            return 0;
        } catch (ListValidationException e) {
            e.problems().forEach(io.err()::println);
            io.err().println(e.problems().size() + " problem(s); the list set is refused");
            return ListsMain.REFUSED;
        }
    }
}
