package io.vigil.console.cli;

import io.vigil.console.config.DatabaseConfig;
import io.vigil.console.config.PostgresSettings;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * Which database holds the console's records. Without {@code --db} it is the embedded H2 database in the
 * data directory. The PostgreSQL password is never an argument: the process list shows arguments to every
 * local user.
 */
final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "URL",
            description = "PostgreSQL JDBC URL, e.g. jdbc:postgresql://db.school.lan:5432/vigil"
                    + " (default: the embedded H2 database in --data).")
    String url;

    @Option(names = "--db-user", paramLabel = "NAME",
            description = "PostgreSQL user (default: $" + PostgresSettings.USER_VARIABLE + ").")
    String user;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File whose first line is the PostgreSQL password, readable by its owner only"
                    + " (default: $" + PostgresSettings.PASSWORD_VARIABLE + ").")
    Path passwordFile;

    /** Present only to answer the natural guess with the right way, instead of "unknown option". */
    @Option(names = "--db-password", hidden = true, paramLabel = "PASSWORD")
    String passwordOnCommandLine;

    DatabaseConfig toConfig(CommandSpec spec) {
        if (passwordOnCommandLine != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--db-password: a password on the"
                    + " command line is visible to every local user; use --db-password-file FILE or set "
                    + PostgresSettings.PASSWORD_VARIABLE);
        }
        if (url == null) {
            if (user != null || passwordFile != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        (user != null ? "--db-user" : "--db-password-file") + " needs --db");
            }
            return DatabaseConfig.embedded();
        }
        return PostgresSettings.resolve(url, user, passwordFile, System.getenv());
    }
}
