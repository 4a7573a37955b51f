package io.vigil.console.config;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code --db}, {@code --db-user}, {@code --db-password-file} and the environment into a
 * {@link DatabaseConfig.Postgres}, refusing anything that would leak the password (a password in the URL
 * shows in {@code ps}; a password file other users can read is no secret).
 */
public final class PostgresSettings {

    public static final String USER_VARIABLE = "VIGIL_DB_USER";
    public static final String PASSWORD_VARIABLE = "VIGIL_DB_PASSWORD";

    /** jdbc:postgresql://host[:port][,host[:port]...]/database[?parameters] */
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?#]+)/([^/?#]+)(\\?.*)?");
    private static final Set<PosixFilePermission> NOT_OWNER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PostgresSettings() {
    }

    /**
     * @param url          the {@code --db} value
     * @param user         {@code --db-user}, or null to read {@value #USER_VARIABLE}
     * @param passwordFile {@code --db-password-file}, or null to read {@value #PASSWORD_VARIABLE}
     */
    public static DatabaseConfig.Postgres resolve(String url, String user, Path passwordFile, Map<String, String> env) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            throw new ConsoleException("--db: '" + url + "' is not a PostgreSQL JDBC URL;"
                    + " expected jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        String query = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
        if (query.matches(".*[?&](password|sslpassword)=.*")) {
            throw new ConsoleException("--db: the URL contains a password, which any local user can read in the"
                    + " process list; remove it and use --db-password-file or " + PASSWORD_VARIABLE);
        }
        String resolvedUser = user != null ? user.strip() : env.getOrDefault(USER_VARIABLE, "").strip();
        if (resolvedUser.isEmpty()) {
            throw new ConsoleException("PostgreSQL at " + m.group(1) + ": no user name; give --db-user or set "
                    + USER_VARIABLE);
        }
        String password = passwordFile != null ? readPasswordFile(passwordFile) : env.get(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new ConsoleException("PostgreSQL at " + m.group(1) + ": no password; give --db-password-file"
                    + " (readable by its owner only) or set " + PASSWORD_VARIABLE);
        }
        return new DatabaseConfig.Postgres(url.strip(), m.group(1), m.group(2), resolvedUser, password);
    }

    /** The first line of the file; the file must be readable by its owner only, as ssh and libpq insist. */
    static String readPasswordFile(Path file) {
        try {
            checkOwnerOnly(file);
            String content = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = content.lines().findFirst().orElse("").strip();
            if (firstLine.isEmpty()) {
                throw new ConsoleException("--db-password-file " + file + " is empty");
            }
            return firstLine;
        } catch (NoSuchFileException e) {
            throw new ConsoleException("--db-password-file " + file + " does not exist");
        } catch (IOException e) {
            throw new ConsoleException("cannot read --db-password-file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return; // Windows: the file's ACL protects it, not a mode.
        }
        if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
            throw new ConsoleException("--db-password-file " + file + " can be read or changed by other users"
                    + " (mode " + PosixFilePermissions.toString(permissions) + "); run chmod 600 " + file);
        }
    }
}
