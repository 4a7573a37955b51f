package io.vigil.console.cli;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Role;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code user totp|disable|enable|reset-password|role}: the lifecycle of a console account from the shell,
 * for the first administrator and for when nobody can sign in. Each change is audited and ends the user's
 * sessions (disable, password, role), so a browser left signed in somewhere loses the old access at once.
 */
final class UserLifecycleCommands {

    private UserLifecycleCommands() {
    }

    static void printRecoveryCodes(PrintStream out, ConsoleOperations.TotpSetup totp) {
        out.println("Authenticator app secret (shown only now): " + totp.secretBase32());
        out.println("  " + totp.otpauthUri());
        out.println("Recovery codes, each usable once if the phone is lost (shown only now; give them to the user):");
        totp.recoveryCodes().forEach(code -> out.println("  " + code));
    }

    /** Options every lifecycle command shares. */
    abstract static class OnUser extends StoreCommand {
        @Option(names = "--username", required = true, paramLabel = "U", description = "The user to change.")
        String username;

        OnUser(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }
    }

    @Command(name = "totp", mixinStandardHelpOptions = true,
            description = "Set up (or replace) a user's authenticator app: prints the secret, an otpauth:// URI"
                    + " (most apps scan it as a QR code) and ten recovery codes, once.")
    static final class Totp extends OnUser {
        Totp(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            printRecoveryCodes(out, operations.enrolTotp(common.dataDir, database.toConfig(spec), username));
            return ExitCodes.OK;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Stop a user signing in; their open sessions end at once.")
    static final class Disable extends OnUser {
        Disable(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            operations.setDisabled(common.dataDir, database.toConfig(spec), username, true);
            out.println("Disabled " + username + "; their sessions have ended.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled user sign in again.")
    static final class Enable extends OnUser {
        Enable(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            operations.setDisabled(common.dataDir, database.toConfig(spec), username, false);
            out.println("Enabled " + username + ".");
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password (read from standard input); the user's sessions end.")
    static final class ResetPassword extends OnUser {
        @Option(names = "--password-stdin", required = true,
                description = "Read the new password from the first line of standard input.")
        boolean passwordStdin;

        private final BufferedReader in;

        ResetPassword(ConsoleOperations operations, BufferedReader in, PrintStream out) {
            super(operations, out);
            this.in = in;
        }

        @Override
        public Integer call() throws IOException {
            String password = in.readLine();
            if (password == null || password.isEmpty()) {
                throw new ConsoleException("no password on standard input");
            }
            operations.resetPassword(common.dataDir, database.toConfig(spec), username, password);
            out.println("Reset the password of " + username + "; their sessions have ended.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "role", mixinStandardHelpOptions = true,
            description = "Replace a user's roles; their sessions end so the change applies at once.")
    static final class SetRoles extends OnUser {
        @Option(names = "--role", required = true, split = ",", paramLabel = "ROLE",
                description = "The user's roles from now on, repeated or comma-separated.")
        List<String> roles;

        SetRoles(ConsoleOperations operations, PrintStream out) {
            super(operations, out);
        }

        @Override
        public Integer call() {
            Set<Role> parsed = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                try {
                    parsed.add(Role.fromId(role.strip()));
                } catch (ConsoleException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--role: " + e.getMessage());
                }
            }
            operations.setRoles(common.dataDir, database.toConfig(spec), username, parsed);
            out.println("Set the roles of " + username + "; their sessions have ended.");
            if (Role.needsSecondFactor(parsed)) {
                out.println("These roles sign in with an authenticator app code; if " + username
                        + " has none yet, run `vigil-console user totp --username " + username + "`.");
            }
            return ExitCodes.OK;
        }
    }
}
