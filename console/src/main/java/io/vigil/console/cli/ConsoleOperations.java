package io.vigil.console.cli;

import io.vigil.console.config.ServeOptions;
import io.vigil.console.domain.Role;
import java.nio.file.Path;
import java.util.Set;

/** What the command line can ask of the console; implemented by the composition root. */
public interface ConsoleOperations {

    /** Starts both listeners; returns when they accept connections. */
    RunningConsole serve(ServeOptions options);

    String createToken(Path dataDir, String school);

    void addUser(Path dataDir, String username, Set<Role> roles, String password);

    String fingerprint(Path dataDir);

    /** A started console. Closing it stops the listeners and closes the data files. */
    interface RunningConsole extends AutoCloseable {

        String webUrl();

        String grpcAddress();

        int grpcPort();

        String fingerprint();

        String createToken(String school);

        void addOrResetUser(String username, Set<Role> roles, String password);

        @Override
        void close();
    }
}
