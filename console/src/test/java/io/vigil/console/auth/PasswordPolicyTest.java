package io.vigil.console.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vigil.console.domain.ConsoleException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static final PasswordPolicy POLICY = PasswordPolicy.bundled();

    @Test
    void passwordsShorterThan12CharactersAreRefused() {
        var e = assertThrows(ConsoleException.class, () -> POLICY.check("eleven chrs", "dsl"));
        assertTrue(e.getMessage().contains("at least 12 characters"), e.getMessage());
        assertDoesNotThrow(() -> POLICY.check("tangerine otter", "dsl"));
    }

    @Test
    void commonPasswordsAreRefusedEvenWithDigitsOrCapitalsAdded() {
        for (String common : new String[] {"1qaz2wsx3edc", "q1w2e3r4t5y6", "Password123456!", "ILOVEYOU2026!!",
                "qwertyuiop1234", "aaaaaaaaaaaaaa"}) {
            var e = assertThrows(ConsoleException.class, () -> POLICY.check(common, "dsl"), common);
            assertTrue(e.getMessage().contains("common passwords"), e.getMessage());
        }
    }

    @Test
    void aPasswordContainingTheUsernameIsRefused() {
        var e = assertThrows(ConsoleException.class, () -> POLICY.check("mrs.khan likes tea", "mrs.khan"));
        assertTrue(e.getMessage().contains("username"), e.getMessage());
    }

    @Test
    void longUnusualPassphrasesPass() {
        assertDoesNotThrow(() -> POLICY.check("correct horse battery staple", "dsl"));
        assertDoesNotThrow(() -> POLICY.check("zebracrossinglantern", "it"));
    }
}
