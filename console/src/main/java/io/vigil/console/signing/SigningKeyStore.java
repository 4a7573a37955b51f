package io.vigil.console.signing;

import io.vigil.console.domain.ConsoleException;
import io.vigil.console.domain.Secrets;
import io.vigil.console.policy.PolicySigner;
import io.vigil.console.policy.PublicSigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's Ed25519 policy-signing keys, in {@code DATA/signing/}: made on first start with the JDK's own
 * Ed25519 (no extra library), reused after.
 *
 * <p>Layout, chosen so rotation is a file operation an administrator can follow: every {@code <id>.pub} is
 * published to agents at enrolment, {@code active} names the key that signs, and only that key's
 * {@code <id>.key} (PKCS#8, owner-only) needs to exist. Rotating means adding a key, letting agents re-enrol
 * or receive it, then moving {@code active}; agents enrolled earlier keep verifying with the key they pinned.
 * The id is derived from the public key, so the same key always has the same id on every node and backup.
 */
public final class SigningKeyStore implements PolicySigner {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeyStore.class);
    static final String DIRECTORY = "signing";
    static final String ACTIVE_FILE = "active";

    private final String activeKeyId;
    private final PrivateKey activeKey;
    private final List<PublicSigningKey> publicKeys;

    private SigningKeyStore(String activeKeyId, PrivateKey activeKey, List<PublicSigningKey> publicKeys) {
        this.activeKeyId = activeKeyId;
        this.activeKey = activeKey;
        this.publicKeys = List.copyOf(publicKeys);
    }

    /** Loads the keys under {@code dataDir}, making the first one if there are none. */
    public static SigningKeyStore loadOrCreate(Path dataDir) {
        Path dir = dataDir.resolve(DIRECTORY);
        try {
            if (!Files.exists(dir.resolve(ACTIVE_FILE))) {
                create(dir);
            }
            return load(dir);
        } catch (IOException e) {
            throw new ConsoleException("cannot read or write the policy signing keys in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** {@code ed25519-} and the first 16 hex digits of the SHA-256 of the X.509 public key. */
    public static String keyIdOf(byte[] x509) {
        return "ed25519-" + HexFormat.of().formatHex(Secrets.sha256(x509)).substring(0, 16);
    }

    private static void create(Path dir) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new ConsoleException("this JDK cannot make Ed25519 keys: " + e.getMessage(), e);
        }
        Files.createDirectories(dir);
        String id = keyIdOf(pair.getPublic().getEncoded());
        writeOwnerOnly(dir.resolve(id + ".key"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        write(dir.resolve(id + ".pub"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        write(dir.resolve(ACTIVE_FILE), id + "\n");
        LOG.info("Made policy signing key {} in {}", id, dir);
    }

    private static SigningKeyStore load(Path dir) throws IOException {
        String active = Files.readString(dir.resolve(ACTIVE_FILE), StandardCharsets.US_ASCII).strip();
        Path keyFile = dir.resolve(active + ".key");
        if (!Files.exists(keyFile)) {
            throw new ConsoleException("policy signing key " + active + " is named active in " + dir.resolve(ACTIVE_FILE)
                    + " but " + keyFile + " is missing; restore it from backup");
        }
        requireOwnerOnly(keyFile);
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(unpem(Files.readString(keyFile, StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConsoleException(keyFile + " is not a PKCS#8 PEM Ed25519 private key", e);
        }
        List<PublicSigningKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pub : files.filter(p -> p.getFileName().toString().endsWith(".pub")).sorted().toList()) {
                byte[] x509 = readPublic(pub);
                PublicSigningKey k = new PublicSigningKey(keyIdOf(x509), x509);
                keys.add(k.keyId().equals(active) ? 0 : keys.size(), k);
            }
        }
        if (keys.isEmpty() || !keys.getFirst().keyId().equals(active)) {
            throw new ConsoleException("policy signing key " + active + " has no public key file " + active + ".pub in " + dir);
        }
        return new SigningKeyStore(active, key, keys);
    }

    private static byte[] readPublic(Path file) throws IOException {
        try {
            byte[] x509 = unpem(Files.readString(file, StandardCharsets.US_ASCII));
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
            return key.getEncoded();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConsoleException(file + " is not a PEM Ed25519 public key", e);
        }
    }

    @Override
    public byte[] sign(byte[] document) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(activeKey);
            signature.update(document);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new ConsoleException("cannot sign with policy key " + activeKeyId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String activeKeyId() {
        return activeKeyId;
    }

    @Override
    public List<PublicSigningKey> publicKeys() {
        return publicKeys;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void write(Path file, String text) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".signing-", ".tmp");
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix ? Files.createTempFile(file.getParent(), ".signing-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".signing-", ".tmp");
        Files.writeString(temp, text, StandardCharsets.US_ASCII);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A signing key others can read lets them sign policies every device obeys: refuse to use it. */
    private static void requireOwnerOnly(Path keyFile) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(keyFile);
        perms.remove(PosixFilePermission.OWNER_READ);
        perms.remove(PosixFilePermission.OWNER_WRITE);
        if (!perms.isEmpty()) {
            throw new ConsoleException("policy signing key " + keyFile + " is readable by others ("
                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))
                    + "); run chmod 600 on it");
        }
    }
}
