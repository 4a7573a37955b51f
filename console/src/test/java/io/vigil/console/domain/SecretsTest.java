package io.vigil.console.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = new Secrets(new SecureRandom());

    @Test
    void enrolmentSizedSecretsAreUrlSafeAndCarry128Bits() {
        String token = secrets.newSecret(16);
        assertEquals(22, token.length(), "16 bytes as unpadded base64url");
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(secrets.newSecret(16)));
        }
    }

    @Test
    void aSecretMatchesOnlyItsOwnHash() {
        String token = secrets.newSecret(16);
        String hash = Secrets.sha256Hex(token);
        assertEquals(64, hash.length());
        assertNotEquals(token, hash, "the stored form is not the secret");
        assertTrue(Secrets.matchesHash(token, hash));
        assertFalse(Secrets.matchesHash(token + "x", hash));
    }
}
