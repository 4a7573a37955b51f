package io.vigil.console.store.jdbc;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A random password for the H2 database, kept in the data directory (owner-only where the file system
 * allows). The auto-server listens on loopback, so without it any local user could open the database.
 */
final class DatabasePassword {

    static final String FILE = "database.secret";

    private DatabasePassword() {
    }

    static String loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new ConsoleException("database password file " + file + " is empty; restore it from backup");
            }
            return password;
        } catch (IOException e) {
            throw new ConsoleException("cannot read database password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        String password = new Secrets(new SecureRandom()).newSecret(24);
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        try {
            restrictToOwner(tmp);
            Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
            // A concurrent first start may have won the race; then its password is the one to use.
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the data directory's ACL protects it instead.
        }
    }
}
