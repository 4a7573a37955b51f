package io.vigil.console.auth;

import io.vigil.console.domain.ConsoleException;

/** Length is what matters for passwords (NCSC/NIST guidance); no composition rules. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Argon2 accepts any length; the cap only stops someone feeding megabytes into the hasher. */
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {
    }

    public static void check(String password) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new ConsoleException("password too short: it must be at least " + MIN_LENGTH
                    + " characters (got " + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw new ConsoleException("password too long: at most " + MAX_LENGTH + " characters");
        }
    }
}
