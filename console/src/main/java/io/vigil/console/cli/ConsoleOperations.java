package io.vigil.console.cli;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** What the command line can ask of the console; implemented by the composition root. */
public interface ConsoleOperations {

    /** Starts both listeners; returns when they accept connections. */
    RunningConsole serve(ServeOptions options);

    default String createToken(Path dataDir, DatabaseConfig database, Optional<String> school) {
        return createToken(dataDir, database, school, Optional.empty());
    }

    /**
     * @param expires as typed: a period (7d, 12h) or a date (2026-12-31); empty: works until revoked
     * @return the token, the only thing printed (scripts capture it); 'token list' shows its details
     */
    String createToken(Path dataDir, DatabaseConfig database, Optional<String> school, Optional<String> expires);

    /** One line per token (never its secret), newest first; @param school empty for every school */
    List<String> listTokens(Path dataDir, DatabaseConfig database, Optional<String> school);

    /** @return a line saying what was revoked */
    String revokeToken(Path dataDir, DatabaseConfig database, long id);

    /** With the embedded database in {@code dataDir}; @param school empty when the console has just one school */
    default String createToken(Path dataDir, Optional<String> school) {
        return createToken(dataDir, DatabaseConfig.embedded(), school);
    }

    /**
     * @param totpSecretBase32 a TOTP secret already in the user's authenticator app, or empty to set one up later
     *                         with {@link #enrolTotp}
     */
    AddedUser addUser(Path dataDir, DatabaseConfig database, String username, Set<Role> roles, Membership membership,
                      String password, Optional<String> totpSecretBase32);

    /** Gives the user a new TOTP secret and recovery codes (replacing any old ones), shown once. */
    TotpSetup enrolTotp(Path dataDir, DatabaseConfig database, String username);

    /** Disables or enables a user; disabling ends their sessions at once. */
    void setDisabled(Path dataDir, DatabaseConfig database, String username, boolean disabled);

    /** Sets a new password and ends the user's sessions. */
    void resetPassword(Path dataDir, DatabaseConfig database, String username, String password);

    /** Replaces the user's roles and ends their sessions. */
    void setRoles(Path dataDir, DatabaseConfig database, String username, Set<Role> roles);

    /** @param where the school or trust the user now belongs to, in words */
    record AddedUser(String where, Optional<TotpSetup> totp) {
    }

    /** What the person must put in their authenticator app, and their recovery codes: printed once, never stored. */
    record TotpSetup(String secretBase32, String otpauthUri, java.util.List<String> recoveryCodes) {
    }

    void addSchool(Path dataDir, DatabaseConfig database, String name, Optional<String> trust);

    /** With the embedded database in {@code dataDir}. */
    default void addSchool(Path dataDir, String name, Optional<String> trust) {
        addSchool(dataDir, DatabaseConfig.embedded(), name, trust);
    }

    void addTrust(Path dataDir, DatabaseConfig database, String name);

    /**
     * Sets the school's on-call order for urgent alerts and, where given, its urgent settings (the severity that
     * is emailed, minutes before escalation; unchanged when empty). Returns the school's name.
     */
    String setOnCall(Path dataDir, DatabaseConfig database, Optional<String> school,
                     java.util.List<io.vigil.console.notify.OnCallPerson> people, Optional<Integer> minSeverity,
                     Optional<Integer> escalateAfterMinutes);

    /** Takes a consistent copy of a data directory's embedded database, certificate and key. */
    BackupSummary backup(Path dataDir, Path archive);

    /** Restores a backup into an empty directory; the search index is rebuilt on the next start. */
    BackupSummary restore(Path archive, Path dataDir);

    /** @param alerts how many alerts the database holds (checked by opening it) */
    record BackupSummary(Path archive, Path dataDir, long alerts) {
    }

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

    /**
     * Replaces the school's directory from an MIS export ({@code directory import}).
     *
     * @throws io.vigil.console.people.InvalidDirectoryException naming every bad row; nothing imported
     */
    default io.vigil.console.people.ImportSummary importDirectory(Path dataDir, DatabaseConfig database,
                                                                  Optional<String> school, byte[] file) {
        throw new UnsupportedOperationException("directory import");
    }

    /** Links console user {@code username} to the directory person with {@code login} ({@code user link}). */
    default boolean linkUser(Path dataDir, DatabaseConfig database, String username, Optional<String> school,
                             String login) {
        throw new UnsupportedOperationException("user link");
    }

    /** A started console. Closing it stops the listeners and closes the data files. */
    interface RunningConsole extends AutoCloseable {

        String webUrl();

        String grpcAddress();

        int grpcPort();

        String fingerprint();

        /** A token for the named school, which is added first if this console does not have it yet. */
        String createToken(String school);

        /**
         * Creates the user in {@code school}, or resets the password of an existing one (used by the demo), and
         * gives them a fresh TOTP secret so a person can sign in with an authenticator app.
         */
        TotpSetup addOrResetUser(String username, Set<Role> roles, String school, String password);

        @Override
        void close();
    }
}
