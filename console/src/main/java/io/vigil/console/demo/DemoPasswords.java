package io.vigil.console.demo;

import java.security.SecureRandom;

/** Readable one-time passwords for the demo account: no look-alike characters, about 100 bits. */
public final class DemoPasswords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private final SecureRandom random;

    public DemoPasswords(SecureRandom random) {
        this.random = random;
    }

    /** Four groups of five, e.g. {@code k7Pqa-3mZxT-...}: easy to read aloud and type. */
    public String generate() {
        StringBuilder password = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return password.toString();
    }
}
