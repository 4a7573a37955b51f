package io.vigil.agent.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts screenshots before they touch the spool file (AES-256-GCM, a fresh nonce per image, the
 * alert's uuid as associated data so an image cannot be moved to another alert). The key is a random
 * 256-bit file beside the spool, owner-only; a copied spool without it shows no images.
 *
 * <p>Limit, stated plainly: anyone who can read the agent's own files can read the key too. On Windows and
 * macOS the packaging issue should move the key into DPAPI / the Keychain.
 */
public final class ScreenshotSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    ScreenshotSeal(byte[] key, SecureRandom random) {
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** Reads the key beside the spool, or makes one (0600) on first use. */
    public static ScreenshotSeal forSpool(Path spoolFile) {
        Path keyFile = spoolFile.resolveSibling(spoolFile.getFileName() + ".key");
        SecureRandom random = new SecureRandom();
        try {
            if (Files.isRegularFile(keyFile) && Files.size(keyFile) == 32) {
                return new ScreenshotSeal(Files.readAllBytes(keyFile), random);
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.deleteIfExists(keyFile);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.write(keyFile, key);
            return new ScreenshotSeal(key, random);
        } catch (IOException e) {
            throw new SpoolException("screenshot key " + keyFile + ": " + e.getMessage(), e);
        }
    }

    byte[] seal(UUID alert, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(alert.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IOException if the bytes were not sealed with this key for this alert */
    byte[] open(UUID alert, byte[] sealed) throws IOException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IOException("sealed screenshot too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(alert.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IOException("screenshot cannot be decrypted with this spool's key: " + e.getMessage(), e);
        }
    }
}
