package io.vigil.console.cli;

import io.vigil.console.people.ImportSummary;
import io.vigil.console.people.InvalidDirectoryException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "directory", mixinStandardHelpOptions = true,
        description = "The school's directory of people (from its MIS export).")
final class DirectoryCommand extends CommandGroup {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Replace the school's directory with a CSV exported from its MIS (SIMS, Arbor, Wonde,"
                    + " Groupcall): columns username(s), display name, year group, form, role (pupil, staff,"
                    + " headteacher, governor), nothing more. A file with any problem is refused whole; each"
                    + " problem is printed with its row. People no longer in the file are removed (audited).")
    static final class Import implements Callable<Integer> {

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--school", paramLabel = "NAME", description = "The school (may be left out when there is one).")
        String school;

        @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file.")
        Path file;

        private final ConsoleOperations operations;
        private final PrintStream out;
        private final PrintStream err;

        Import(ConsoleOperations operations, PrintStream out, PrintStream err) {
            this.operations = operations;
            this.out = out;
            this.err = err;
        }

        @Override
        public Integer call() {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                err.println("cannot read " + file + ": " + e.getMessage());
                return ExitCodes.FAILED;
            }
            try {
                ImportSummary s = operations.importDirectory(common.dataDir, database.toConfig(spec),
                        Optional.ofNullable(school), bytes);
                out.println("Imported " + file.getFileName() + ": " + s.added() + " added, " + s.updated()
                        + " updated, " + s.removed().size() + " removed");
                return ExitCodes.OK;
            } catch (InvalidDirectoryException e) {
                err.println(file.getFileName() + " refused, nothing imported:");
                e.problems().forEach(p -> err.println("  " + p));
                return ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "link", mixinStandardHelpOptions = true,
            description = "Record that a console user is a person in the directory (by one of their logins), so"
                    + " they never see alerts about themselves. A console username equal to one of the person's"
                    + " logins counts without this.")
    static final class Link extends StoreCommand {

        @Option(names = "--username", required = true, paramLabel = "U", description = "The console user.")
        String username;

        @Option(names = "--login", required = true, paramLabel = "LOGIN",
                description = "One of the person's logins in the directory.")
        String login;

        @Option(names = "--school", paramLabel = "NAME", description = "The school (may be left out when there is one).")
        String school;

        Link(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            if (!operations.linkUser(common.dataDir, database.toConfig(spec), username, Optional.ofNullable(school),
                    login)) {
                throw new io.vigil.console.domain.ConsoleException("no console user '" + username
                        + "' or no person with login '" + login + "' in the directory");
            }
            out.println("Linked " + username + " to the person with login " + login);
            return ExitCodes.OK;
        }
    }
}
