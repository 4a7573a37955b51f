package io.vigil.console.cli;

import io.vigil.console.domain.InvalidCaseChangeException;
import io.vigil.console.notify.OnCallPerson;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "oncall", mixinStandardHelpOptions = true,
        description = "Who is told about urgent alerts, in order.")
final class OncallCommand extends CommandGroup {

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set a school's on-call order. The first person is emailed when an urgent alert arrives;"
                    + " if nobody acknowledges it in time, the next, and so on.")
    static final class Set implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--school", paramLabel = "NAME", description = "The school (optional when there is one).")
        String school;

        @Option(names = "--severity", paramLabel = "1-5",
                description = "Email alerts at or above this severity (default 5, imminent risk only).")
        Integer minSeverity;

        @Option(names = "--escalate-after", paramLabel = "MINUTES",
                description = "Tell the next person when nobody has acknowledged within this many minutes"
                        + " (default 10; 1-1440).")
        Integer escalateAfter;

        @Parameters(paramLabel = "USER=EMAIL,...", arity = "1",
                description = "Safeguarding users in order, each with the address to email, e.g."
                        + " mrs.khan=s.khan@oak.sch.uk,mr.jones=d.jones@oak.sch.uk")
        String order;

        private final ConsoleOperations operations;
        private final PrintStream out;

        Set(ConsoleOperations operations, PrintStream out) {
            this.operations = operations;
            this.out = out;
        }

        @Override
        public Integer call() {
            List<OnCallPerson> people = parse(spec, order);
            if (minSeverity != null && (minSeverity < 1 || minSeverity > 5)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--severity: must be 1 to 5, not "
                        + minSeverity);
            }
            if (escalateAfter != null && (escalateAfter < 1 || escalateAfter > 1440)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--escalate-after: must be 1 to 1440"
                        + " minutes, not " + escalateAfter);
            }
            String name = operations.setOnCall(common.dataDir, database.toConfig(spec), Optional.ofNullable(school),
                    people, Optional.ofNullable(minSeverity), Optional.ofNullable(escalateAfter));
            out.println("On call for urgent alerts at " + name + ": "
                    + String.join(", then ", people.stream().map(OnCallPerson::username).toList()));
            return ExitCodes.OK;
        }

        static List<OnCallPerson> parse(CommandLine.Model.CommandSpec spec, String order) {
            List<OnCallPerson> people = new ArrayList<>();
            for (String entry : order.split(",")) {
                String[] parts = entry.strip().split("=", 2);
                if (parts.length != 2) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "on-call entry '" + entry.strip()
                            + "' needs an email address: USER=EMAIL");
                }
                try {
                    people.add(new OnCallPerson(parts[0].strip(), parts[1].strip()));
                } catch (InvalidCaseChangeException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            return people;
        }
    }
}
