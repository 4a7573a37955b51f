package io.vigil.agent.filter.dns;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resolver's half of the "in the path" check: names under {@link #SUFFIX} are answered by the filter itself
 * and remembered, so {@link InPathCheck} can tell whether a look-up made through the operating system's
 * resolver really arrived here. The suffix is under {@code home.arpa} (RFC 8375, local use) so that OS resolvers
 * forward it like any name, and a probe that escapes reveals nothing but a random label.
 */
public final class InPathProbe {

    static final String SUFFIX = ".in-path.vigil.home.arpa";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** A fresh probe name, never asked before (so no cache on the way can answer it). */
    String newName() {
        byte[] nonce = new byte[8];
        RANDOM.nextBytes(nonce);
        return HexFormat.of().formatHex(nonce) + SUFFIX;
    }

    /** True (and remembered) when {@code name} is a probe; called by the resolver for every query. */
    boolean seen(String name) {
        if (!name.regionMatches(true, name.length() - SUFFIX.length(), SUFFIX, 0, SUFFIX.length())) {
            return false;
        }
        seen.add(name.toLowerCase(Locale.ROOT));
        return true;
    }

    boolean arrived(String name) {
        return seen.remove(name);
    }
}
