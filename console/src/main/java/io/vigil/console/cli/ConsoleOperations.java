package io.vigil.console.cli;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import java.nio.file.Path;

/** What the command line can ask of the console; implemented by the composition root. */
public interface ConsoleOperations {

    /** Starts both listeners; returns when they accept connections. */
    RunningConsole serve(ServeOptions options);

    String createToken(Path dataDir, DatabaseConfig database, String school);

    /** With the embedded database in {@code dataDir}. */
    default String createToken(Path dataDir, String school) {
        return createToken(dataDir, DatabaseConfig.embedded(), school);
    }

    void addUser(Path dataDir, DatabaseConfig database, String username, Role role, String password);

    /** Takes a consistent copy of a data directory's embedded database, certificate and key. */
    BackupSummary backup(Path dataDir, Path archive);

    /** Restores a backup into an empty directory; the search index is rebuilt on the next start. */
    BackupSummary restore(Path archive, Path dataDir);

    /** @param alerts how many alerts the database holds (checked by opening it) */
    record BackupSummary(Path archive, Path dataDir, long alerts) {
    }

    String fingerprint(Path dataDir);

    /** A started console. Closing it stops the listeners and closes the data files. */
    interface RunningConsole extends AutoCloseable {

        String webUrl();

        String grpcAddress();

        int grpcPort();

        String fingerprint();

        String createToken(String school);

        void addOrResetUser(String username, Role role, String password);

        @Override
        void close();
    }
}
