package io.vigil.console.config;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The directory holding everything the console keeps: certificate, database, search index. */
public final class DataDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataDirectory() {
    }

    /** Creates the directory if needed and proves it is writable; fails with a message naming the problem. */
    public static Path prepare(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw unusable(absolute, "it exists but is not a directory");
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw unusable(absolute, "cannot create it (" + reason(e) + ")");
        }
        restrictToOwner(absolute);
        try {
            Path probe = Files.createTempFile(absolute, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw unusable(absolute, "it is not writable (" + reason(e) + ")");
        }
        return absolute;
    }

    /**
     * The database and index hold what pupils typed, in files created with the process umask (often
     * world-readable); an owner-only directory keeps other local accounts from reading them.
     */
    private static void restrictToOwner(Path dir) {
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(dir);
            if (!OWNER_ONLY.containsAll(current)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
                LOG.info("Restricted data directory {} to its owner (was {})", dir,
                        PosixFilePermissions.toString(current));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL, set by the installer, protects it.
        } catch (IOException e) {
            throw unusable(dir, "cannot restrict it to its owner (" + reason(e) + ")");
        }
    }

    /** For read-only commands: the directory must already exist. */
    public static Path existing(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw unusable(absolute, Files.exists(absolute) ? "it is not a directory" : "it does not exist");
        }
        return absolute;
    }

    private static ConsoleException unusable(Path dir, String why) {
        return new ConsoleException("cannot use data directory " + dir + ": " + why);
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
