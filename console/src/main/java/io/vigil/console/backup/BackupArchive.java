package io.vigil.console.backup;

import io.vigil.console.auth.SecretSealer;
import io.vigil.console.config.DataDirectory;
import io.vigil.console.domain.ConsoleException;
import io.vigil.console.store.jdbc.Database;
import io.vigil.console.store.jdbc.H2Backup;
import io.vigil.console.tls.CertificateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One file holding what a console needs to come back on another machine: the embedded database, the
 * password that opens it, and the TLS certificate and key (agents pin the certificate, so a new one would
 * cut every device off). The search index is left out: it is rebuilt from the database on the next start.
 *
 * <p>The archive holds what pupils typed, so it is written readable by its owner only.
 */
public final class BackupArchive {

    static final String MANIFEST = "vigil-backup.properties";
    static final String FORMAT = "1";
    private static final String DATA = "data/";
    /** Exactly the files a restore writes: nothing else in an archive can reach the data directory. */
    static final Set<String> FILES = Set.of(Database.H2_FILE, Database.H2_PASSWORD_FILE,
            CertificateStore.CERT_FILE, CertificateStore.KEY_FILE, SecretSealer.KEY_FILE);

    /**
     * The policy-signing keys ({@code signing/<id>.key}, {@code <id>.pub}, {@code active}): a restore without
     * them would make a new key that no enrolled device trusts, and every policy push would be refused.
     */
    static final String SIGNING = "signing/";
    private static final java.util.regex.Pattern SIGNING_FILE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,80}");

    private BackupArchive() {
    }

    /** Takes a consistent online copy of {@code dataDir} into {@code archive} (replaced if it exists). */
    public static void create(Path dataDir, Path archive, Instant now) {
        Path target = archive.toAbsolutePath().normalize();
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new ConsoleException("--to " + archive + ": the directory " + target.getParent() + " does not exist");
        }
        Path h2Zip = dataDir.resolve(".backup-" + UUID.randomUUID() + ".zip");
        Path partial = null;
        try {
            H2Backup.writeZip(dataDir, h2Zip);
            partial = Files.createTempFile(target.getParent(), ".vigil-backup", ".partial");
            ownerOnly(partial);
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest(now).store(zip, "Vigil console backup");
                zip.closeEntry();
                copyDatabase(h2Zip, zip);
                for (String name : filesBesideTheDatabase(dataDir)) {
                    zip.putNextEntry(new ZipEntry(DATA + name));
                    Files.copy(dataDir.resolve(name), zip);
                    zip.closeEntry();
                }
                for (String name : signingFiles(dataDir)) {
                    zip.putNextEntry(new ZipEntry(DATA + SIGNING + name));
                    Files.copy(dataDir.resolve(SIGNING).resolve(name), zip);
                    zip.closeEntry();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ConsoleException("cannot write backup " + archive + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(h2Zip);
            deleteQuietly(partial);
        }
    }

    /**
     * The database password always; the certificate and key once serve has made them (a directory only used
     * by {@code token create} so far has none, and serve makes them on first start after a restore).
     */
    private static List<String> filesBesideTheDatabase(Path dataDir) {
        if (!Files.isRegularFile(dataDir.resolve(Database.H2_PASSWORD_FILE))) {
            throw new ConsoleException(dataDir + " has no " + Database.H2_PASSWORD_FILE + "; without it the"
                    + " database cannot be opened, so a backup could not be restored");
        }
        boolean cert = Files.isRegularFile(dataDir.resolve(CertificateStore.CERT_FILE));
        boolean key = Files.isRegularFile(dataDir.resolve(CertificateStore.KEY_FILE));
        if (cert != key) {
            throw new ConsoleException(dataDir + " has " + (cert ? CertificateStore.CERT_FILE + " but no "
                    + CertificateStore.KEY_FILE : CertificateStore.KEY_FILE + " but no " + CertificateStore.CERT_FILE)
                    + "; restore the missing file before backing up");
        }
        List<String> files = new ArrayList<>(List.of(Database.H2_PASSWORD_FILE));
        if (cert) {
            files.addAll(List.of(CertificateStore.CERT_FILE, CertificateStore.KEY_FILE));
        }
        // Without the sealing key every stored authenticator secret is useless and nobody could sign in.
        if (Files.isRegularFile(dataDir.resolve(SecretSealer.KEY_FILE))) {
            files.add(SecretSealer.KEY_FILE);
        }
        return files;
    }

    private static List<String> signingFiles(Path dataDir) throws IOException {
        Path dir = dataDir.resolve(SIGNING);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> SIGNING_FILE.matcher(n).matches() && !n.startsWith(".")).sorted().toList();
        }
    }

    /** {@code data/signing/NAME} with a plain file name, or null: nothing else may reach the data directory. */
    private static String signingFileOf(String entryName) {
        if (!entryName.startsWith(DATA + SIGNING)) {
            return null;
        }
        String name = entryName.substring((DATA + SIGNING).length());
        return SIGNING_FILE.matcher(name).matches() && !name.startsWith(".") ? name : null;
    }

    private static Properties manifest(Instant now) {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("created", now.toString());
        p.setProperty("database", "h2");
        return p;
    }

    private static void copyDatabase(Path h2Zip, ZipOutputStream out) throws IOException {
        try (ZipFile h2 = new ZipFile(h2Zip.toFile())) {
            ZipEntry entry = h2.getEntry(Database.H2_FILE);
            if (entry == null) {
                throw new ConsoleException("H2's backup holds no " + Database.H2_FILE);
            }
            out.putNextEntry(new ZipEntry(DATA + Database.H2_FILE));
            try (InputStream in = h2.getInputStream(entry)) {
                in.transferTo(out);
            }
            out.closeEntry();
        }
    }

    /**
     * Restores {@code archive} into {@code dataDir}, which must be empty or not exist yet: restoring over a
     * live console's files would mix two histories. On failure nothing restored is left behind.
     */
    public static void restore(Path archive, Path dataDir) {
        if (!Files.isRegularFile(archive)) {
            throw new ConsoleException("--from " + archive + ": no such file");
        }
        requireEmpty(dataDir);
        DataDirectory.prepare(dataDir);
        List<Path> written = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
            boolean manifestSeen = false;
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(MANIFEST)) {
                    checkManifest(archive, zip);
                    manifestSeen = true;
                } else if (entry.getName().startsWith(DATA) && (FILES.contains(entry.getName().substring(DATA.length()))
                        || signingFileOf(entry.getName()) != null)) {
                    if (!manifestSeen) {
                        throw notABackup(archive);
                    }
                    String signing = signingFileOf(entry.getName());
                    if (signing != null) {
                        Files.createDirectories(dataDir.resolve(SIGNING));
                    }
                    Path target = signing != null ? dataDir.resolve(SIGNING).resolve(signing)
                            : dataDir.resolve(entry.getName().substring(DATA.length()));
                    Files.createFile(target);
                    written.add(target);
                    ownerOnly(target);
                    // Into the file just made owner-only: Files.copy would replace it with a umask-mode file.
                    try (OutputStream out = Files.newOutputStream(target)) {
                        zip.transferTo(out);
                    }
                }
            }
            if (!manifestSeen) {
                throw notABackup(archive);
            }
            for (String name : List.of(Database.H2_FILE, Database.H2_PASSWORD_FILE)) {
                if (!Files.exists(dataDir.resolve(name))) {
                    throw new ConsoleException("backup " + archive + " is incomplete: it has no " + name);
                }
            }
        } catch (IOException | RuntimeException e) {
            written.forEach(BackupArchive::deleteQuietly);
            if (e instanceof ConsoleException ce) {
                throw ce;
            }
            if (e instanceof java.util.zip.ZipException) {
                throw notABackup(archive);
            }
            throw new ConsoleException("cannot restore " + archive + ": " + e.getMessage(), e);
        }
    }

    private static void checkManifest(Path archive, InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        if (!FORMAT.equals(p.getProperty("format"))) {
            throw new ConsoleException("backup " + archive + " has format " + p.getProperty("format")
                    + "; this console reads format " + FORMAT);
        }
    }

    private static ConsoleException notABackup(Path archive) {
        return new ConsoleException(archive + " is not a Vigil console backup (made by 'vigil-console backup')");
    }

    private static void requireEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new ConsoleException("--data " + dataDir + " exists and is not a directory");
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            long count = entries.count();
            if (count > 0) {
                throw new ConsoleException("--data " + dataDir + " is not empty (" + count + " entries); restore"
                        + " only into a new or empty directory, so no console's files are overwritten");
            }
        } catch (IOException e) {
            throw new ConsoleException("cannot read --data " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not POSIX (Windows): the directory's ACL protects the file.
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless and named as such
        }
    }
}
