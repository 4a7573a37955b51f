package io.vigil.agent.helper.lists;

import io.vigil.agent.helper.wire.HelperMessage;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Service side: the keyword-list bundle in force, as a file every helper can read and nobody but root can
 * change ({@code keyword-lists-<hex>.bundle}, 0644, in the socket's 0755 root-owned directory). Named by its
 * hash, so a helper told about one bundle never reads half of the next; only the newest is kept.
 */
public final class PublishedLists {

    static final String PREFIX = "keyword-lists-";
    static final String SUFFIX = ".bundle";

    private final Path dir;
    private final AtomicReference<HelperMessage.ListsChanged> current = new AtomicReference<>();

    public PublishedLists(Path dir) {
        this.dir = dir;
    }

    /** Where the bundle with this file hash ({@code sha256:<hex>}) is; helpers compute it the same way. */
    public static Path fileFor(Path dir, String sha256) {
        return dir.resolve(PREFIX + sha256.substring(sha256.indexOf(':') + 1) + SUFFIX);
    }

    /**
     * Writes the verified bundle (temp file, then an atomic rename) and makes it current; older bundles are
     * removed. @return the announcement for helpers
     */
    public HelperMessage.ListsChanged publish(String version, byte[] bundle) throws IOException {
        Files.createDirectories(dir);
        String sha256 = ListsFile.sha256(bundle);
        Path target = fileFor(dir, sha256);
        Path temp = Files.createTempFile(dir, ".lists-", ".tmp");
        try {
            Files.write(temp, bundle);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        HelperMessage.ListsChanged announced = new HelperMessage.ListsChanged(version, sha256);
        current.set(announced);
        removeAllBut(target);
        return announced;
    }

    /** Empty while no pushed bundle is in force (helpers keep the lists in their own jar). */
    public Optional<HelperMessage.ListsChanged> current() {
        return Optional.ofNullable(current.get());
    }

    public Path directory() {
        return dir;
    }

    private void removeAllBut(Path keep) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path p : old) {
                if (!p.equals(keep)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
