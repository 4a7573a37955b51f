package io.vigil.agent.spool;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opening the spool's file: owner-only permissions, a lock held by one agent, a corrupt file set aside. */
final class SpoolFile {

    private static final Logger log = LoggerFactory.getLogger(SpoolFile.class);
    private static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SpoolFile() {
    }

    /**
     * Opens or creates the store. A file MVStore cannot read is not deleted: it is moved aside to
     * {@code <file>.corrupt-<time>} (its records may still be recoverable by hand) and a new store is
     * started with a loud ERROR, because an agent that stops capturing protects nobody.
     *
     * @throws SpoolException if the file is locked by another agent or cannot be created
     */
    static MVStore openOrSetAside(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SpoolException("spool " + file + ": cannot create directory: " + e.getMessage(), e);
        }
        try {
            return open(file);
        } catch (MVStoreException e) {
            if (e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
                throw new SpoolException("spool " + file + " is in use by another Vigil agent process", e);
            }
            if (e.getErrorCode() == DataUtils.ERROR_WRITING_FAILED || !Files.isRegularFile(file)) {
                throw new SpoolException("spool " + file + ": cannot open: " + e.getMessage(), e);
            }
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + ASIDE.format(clock.instant()));
            log.error("spool {} is unreadable ({}); moved it to {} and started a new spool. "
                    + "Alerts still in the old file were NOT delivered; recover them from that file.",
                    file, e.getMessage(), aside);
            try {
                Files.move(file, aside);
                return open(file);
            } catch (IOException | MVStoreException again) {
                throw new SpoolException("spool " + file + " is corrupt and could not be replaced: "
                        + again.getMessage(), again);
            }
        }
    }

    /**
     * Opens the file as it is. Auto-commit is off: MVStore's background commit would make durability depend
     * on timing, so every write commits (and syncs, where it must survive a power cut) explicitly.
     */
    static MVStore open(Path file) {
        ownerOnly(file);
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    /**
     * The spool holds alert snippets, so on POSIX systems it is made readable by its owner only (a new
     * file is created that way; an existing one is tightened). MVStore itself creates files with the
     * umask, usually world-readable. Failing to restrict is logged, not fatal: capture matters more.
     */
    private static void ownerOnly(Path file) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: the file inherits the ACL of the directory the installer secured
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        try {
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(owner)); // MVStore accepts an empty file
            } else if (!Files.getPosixFilePermissions(file).equals(owner)) {
                Files.setPosixFilePermissions(file, owner);
            }
        } catch (FileAlreadyExistsException e) {
            ownerOnly(file);
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("spool {}: cannot make it readable by its owner only ({}); alert snippets in it may be "
                    + "readable by other users of this device", file, e.toString());
        }
    }
}
