package io.vigil.console.auth;

import io.vigil.console.domain.ConsoleException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Length is what matters for passwords (NCSC/NIST SP 800-63B guidance), plus a refusal of passwords that
 * attackers try first: NIST asks verifiers to check against "passwords obtained from previous breach corpuses"
 * and commonly used ones. The bundled list is Django's 20,000 common passwords (Royce Williams' list, BSD
 * licence; see the README), checked case-insensitively and with trailing digits and symbols removed, so
 * "Password123456!" is refused along with "password". No composition rules.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Argon2 accepts any length; the cap only stops someone feeding megabytes into the hasher. */
    public static final int MAX_LENGTH = 1024;
    private static final String LIST = "common-passwords.txt.gz";

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the bundled list (about 20,000 entries, read once at start). */
    public static PasswordPolicy bundled() {
        try (InputStream raw = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (raw == null) {
                throw new IllegalStateException("the common-password list " + LIST + " is missing from the build");
            }
            Set<String> words = new HashSet<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                    StandardCharsets.UTF_8))) {
                lines.lines().map(PasswordPolicy::normalise).filter(w -> !w.isEmpty()).forEach(words::add);
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-password list", e);
        }
    }

    /** @param username refused as (part of) the password as well */
    public void check(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new ConsoleException("password too short: it must be at least " + MIN_LENGTH
                    + " characters (got " + length + ")");
        }
        if (length > MAX_LENGTH) {
            throw new ConsoleException("password too long: at most " + MAX_LENGTH + " characters");
        }
        String normal = normalise(password);
        if (common.contains(normal) || common.contains(password.toLowerCase(Locale.ROOT))
                || normal.chars().distinct().count() <= 2) {
            throw new ConsoleException("password refused: it is on a list of common passwords that attackers try"
                    + " first; choose another (three random words make a good one)");
        }
        if (username != null && username.length() >= 4
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new ConsoleException("password refused: it contains the username");
        }
    }

    /** Lower case, without the digits and symbols people add at the end to satisfy old composition rules. */
    static String normalise(String password) {
        String lower = password.strip().toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return end == 0 ? lower : lower.substring(0, end);
    }
}
