package io.vigil.filter.format;

import java.util.Locale;

/** The category list formats IT providers maintain lists in. */
public enum ListFormat {
    /** {@code 0.0.0.0 example.com} lines (StevenBlack, Pi-hole gravity sources). */
    HOSTS,
    /** One domain a line; {@code *.x}, {@code =x} and Adblock-style {@code ||x^} are understood. */
    DOMAINS,
    /** A squidGuard / UT1 category folder: its {@code domains} file, and its {@code urls} file reported. */
    SQUIDGUARD;

    /** Parses the word used in policies, or returns {@code null}. */
    static ListFormat of(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
