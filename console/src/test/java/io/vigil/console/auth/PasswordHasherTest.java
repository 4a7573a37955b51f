package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = hasher.hash("correct horse battery staple");
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("correct horse battery stapl", hash));
    }

    @Test
    void hashesAreArgon2idWithOwaspParametersAndAPerUserSalt() {
        String a = hasher.hash("same password here");
        String b = hasher.hash("same password here");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertNotEquals(a, b, "a fresh salt every time");
        assertFalse(a.contains("same password"));
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertFalse(hasher.verify("anything", ""));
        assertFalse(hasher.verify("anything", "$argon2id$v=19$m=x,t=2,p=1$AAAA$AAAA"));
        assertFalse(hasher.verify("anything", "$2a$10$bcryptlooking"));
    }
}
