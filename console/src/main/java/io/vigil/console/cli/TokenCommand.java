package io.vigil.console.cli;

import java.io.PrintStream;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage enrolment tokens.")
final class TokenCommand extends CommandGroup {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Print a new enrolment token for devices of a school (reusable until it expires or is"
                    + " revoked). It is printed only this once (only its hash is kept); 'token list' shows its details.")
    static final class Create extends StoreCommand {

        @Option(names = "--school", paramLabel = "NAME",
                description = "The school whose devices enrol with this token (may be left out when there is only"
                        + " one school).")
        String school;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "When the token stops working: a period from now (7d, 12h) or a date (2026-12-31,"
                        + " the end of that day UTC). Default: works until revoked.")
        String expires;

        Create(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            out.println(operations.createToken(common.dataDir, database.toConfig(spec), Optional.ofNullable(school),
                    Optional.ofNullable(expires)));
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List enrolment tokens (never their secrets): school, who made it and when, expiry, how"
                    + " many devices enrolled with it, and whether it was revoked.")
    static final class List extends StoreCommand {

        @Option(names = "--school", paramLabel = "NAME", description = "Only this school's tokens.")
        String school;

        List(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            operations.listTokens(common.dataDir, database.toConfig(spec), Optional.ofNullable(school))
                    .forEach(out::println);
            return ExitCodes.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke an enrolment token: no device can enrol with it again. Devices it already"
                    + " enrolled keep working (revoke those on the device page).")
    static final class Revoke extends StoreCommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The token's id, from 'token list'.")
        long id;

        Revoke(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            out.println(operations.revokeToken(common.dataDir, database.toConfig(spec), id));
            return ExitCodes.OK;
        }
    }
}
