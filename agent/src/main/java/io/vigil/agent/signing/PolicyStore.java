package io.vigil.agent.signing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The last good policy on disk ({@code STATE/signed-policy/}), kept with its signature so that on start it is
 * verified again like a push: a file changed on disk is refused, never enforced. One directory per version
 * would allow rollback; the device only ever needs the last good one.
 */
public final class PolicyStore {

    private static final String DOCUMENT = "policy.bin";
    private static final String META = "policy.properties";

    private final Path dir;

    public PolicyStore(Path stateDir) {
        this(stateDir, "signed-policy");
    }

    /** @param name the folder under the state directory, one per kind of push ({@code signed-lists}) */
    public PolicyStore(Path stateDir, String name) {
        this.dir = stateDir.resolve(name);
    }

    public Path directory() {
        return dir;
    }

    /** Writes document, then metadata (each atomically, fsynced): a crash between leaves the old pair unusable, caught by verification. */
    public void save(SignedPolicy policy) throws IOException {
        Files.createDirectories(dir);
        Properties meta = new Properties();
        meta.setProperty("version", policy.version());
        meta.setProperty("key_id", policy.keyId());
        meta.setProperty("signature", Base64.getEncoder().encodeToString(policy.signature()));
        var text = new java.io.StringWriter();
        meta.store(text, "last good filter policy; verified against the pinned keys on every start");
        writeAtomically(dir.resolve(DOCUMENT), policy.document());
        writeAtomically(dir.resolve(META), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public Optional<SignedPolicy> load() throws IOException {
        Path document = dir.resolve(DOCUMENT);
        Path metaFile = dir.resolve(META);
        if (!Files.exists(document) || !Files.exists(metaFile)) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (var in = Files.newBufferedReader(metaFile, StandardCharsets.UTF_8)) {
            meta.load(in);
        }
        try {
            return Optional.of(new SignedPolicy(meta.getProperty("version", ""), Files.readAllBytes(document),
                    Base64.getDecoder().decode(meta.getProperty("signature", "")), meta.getProperty("key_id", "")));
        } catch (IllegalArgumentException e) {
            throw new IOException(metaFile + ": unreadable signature", e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".policy-", ".tmp");
        try {
            Files.write(temp, bytes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
