package io.vigil.console.cli;

import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import java.nio.file.Path;
import java.util.Set;
import java.util.Optional;

/** What the command line can ask of the console; implemented by the composition root. */
public interface ConsoleOperations {

    /** Starts both listeners; returns when they accept connections. */
    RunningConsole serve(ServeOptions options);

    /** @param school the school's name; empty when the console has just one school */
    String createToken(Path dataDir, Optional<String> school);

    /** @return the school or trust the user now belongs to, in words */
    String addUser(Path dataDir, String username, Set<Role> roles, Membership membership, String password);

    void addSchool(Path dataDir, String name, Optional<String> trust);

    void addTrust(Path dataDir, String name);

    /** Where a new user belongs, by name, as typed on the command line. */
    record Membership(Optional<String> school, Optional<String> trust) {
        public static Membership school(Optional<String> name) {
            return new Membership(name, Optional.empty());
        }

        public static Membership trust(String name) {
            return new Membership(Optional.empty(), Optional.of(name));
        }
    }

    String fingerprint(Path dataDir);

    /** A started console. Closing it stops the listeners and closes the data files. */
    interface RunningConsole extends AutoCloseable {

        String webUrl();

        String grpcAddress();

        int grpcPort();

        String fingerprint();

        /** A token for the named school, which is added first if this console does not have it yet. */
        String createToken(String school);

        /** Creates the user in {@code school}, or resets the password of an existing one (used by the demo). */
        void addOrResetUser(String username, Set<Role> roles, String school, String password);

        @Override
        void close();
    }
}
