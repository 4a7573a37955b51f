package io.vigil.console.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random secrets (enrolment tokens, device credentials, session ids) and their stored form. These secrets
 * carry at least 128 bits of entropy, so a plain SHA-256 is enough to store them: there is nothing to
 * brute-force, unlike passwords, which get Argon2id.
 */
public final class Secrets {

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    /** {@code bytes} random bytes as unpadded base64url (URL- and shell-safe). */
    public String newSecret(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Compares a presented secret with a stored hash in time independent of where they differ. */
    public static boolean matchesHash(String presented, String storedHashHex) {
        byte[] expected = HexFormat.of().parseHex(storedHashHex);
        byte[] actual = sha256(presented.getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, actual);
    }
}
