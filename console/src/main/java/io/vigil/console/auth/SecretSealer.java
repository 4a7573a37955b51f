package io.vigil.console.auth;

import io.vigil.console.domain.ConsoleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals TOTP secrets with AES-256-GCM under a key kept in the data directory ({@value #KEY_FILE}, beside the
 * TLS and signing keys, carried by backups), not in the database: a stolen database or database backup alone
 * yields no working second factor. The user id is bound in as associated data, so a sealed secret copied onto
 * another user's row does not open.
 */
public final class SecretSealer {

    public static final String KEY_FILE = "totp.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    SecretSealer(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new ConsoleException("the TOTP sealing key must be 32 bytes, was " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.random = random;
    }

    /** Loads {@code dataDir/totp.key}, creating it (owner-only) on first use. */
    public static SecretSealer loadOrCreate(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileAlreadyExistsException raced) {
                    // another process (a CLI command beside serve) made it first; read theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(file, Base64.getEncoder().encode(fresh));
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            return new SecretSealer(key, random);
        } catch (IOException e) {
            throw new ConsoleException("cannot read or create " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConsoleException(file + " is not a base64 AES key: " + e.getMessage(), e);
        }
    }

    public String seal(long userId, byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @throws ConsoleException if it was sealed under another key or for another user */
    public byte[] open(long userId, String sealed) {
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(ByteBuffer.allocate(8).putLong(userId).array());
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ConsoleException("a stored TOTP secret cannot be opened with this console's " + KEY_FILE
                    + " (was the data directory restored without it, or is this node's copy different?)", e);
        }
    }
}
