package io.vigil.console.cli;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage console users.")
final class UserCommand extends CommandGroup {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a console user.")
    static final class Add extends StoreCommand {

        @Option(names = "--username", required = true, paramLabel = "U", description = "Sign-in name.")
        String username;

        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "One or more roles, repeated or comma-separated: dsl, deputy_dsl (read and triage"
                        + " alerts), online_safety_lead, it_provider (devices, no alert content), headteacher,"
                        + " chair_of_governors, governor (anonymised reports), auditor (audit log only).")
        List<String> roles;

        @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
        Membership membership;

        static final class Membership {
            @Option(names = "--school", paramLabel = "NAME",
                    description = "The school the user works for; they see only its data (may be left out when there"
                            + " is only one school).")
            String school;

            @Option(names = "--trust", paramLabel = "NAME",
                    description = "Grant access to every school in this trust instead (a deliberate, audited grant).")
            String trust;
        }

        @Option(names = "--password-stdin", required = true,
                description = "Read the password (at least 12 characters) from the first line of standard input;"
                        + " passwords are never taken as arguments, which other users could see.")
        boolean passwordStdin;

        @Option(names = "--totp-secret", paramLabel = "BASE32",
                description = "A TOTP secret (base32, as authenticator apps show it) already set up in the user's"
                        + " app. Safeguarding roles and those who publish or approve lists need one to sign in;"
                        + " without this option, set one up later with `user totp`.")
        String totpSecret;

        private final BufferedReader in;

        Add(ConsoleOperations operations, BufferedReader in, PrintStream out) {
            super(operations, out);
            this.in = in;
        }

        @Override
        public Integer call() throws IOException {
            var databaseConfig = database.toConfig(spec);
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    parsed.add(Role.fromId(role.strip()));
                } catch (ConsoleException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
                }
            }
            String password = in.readLine();
            if (password == null || password.isEmpty()) {
                throw new ConsoleException("no password on standard input (pipe it in, e.g. `printf '%s\\n' \"$PW\" |"
                        + " vigil-console user add ... --password-stdin`)");
            }
            var where = membership != null && membership.trust != null
                    ? ConsoleOperations.Membership.trust(membership.trust)
                    : ConsoleOperations.Membership.school(java.util.Optional.ofNullable(
                            membership == null ? null : membership.school));
            var added = operations.addUser(common.dataDir, databaseConfig, username, parsed, where, password,
                    java.util.Optional.ofNullable(totpSecret));
            out.println("Added user " + username + " with role" + (parsed.size() == 1 ? " " : "s ")
                    + parsed.stream().map(Role::id).collect(Collectors.joining(", ")) + " for " + added.where());
            added.totp().ifPresent(totp -> UserLifecycleCommands.printRecoveryCodes(out, totp));
            if (added.totp().isEmpty() && Role.needsSecondFactor(parsed)) {
                out.println("This role signs in with an authenticator app code: run `vigil-console user totp --username "
                        + username + "` to set one up before they sign in.");
            }
            return ExitCodes.OK;
        }
    }
}
