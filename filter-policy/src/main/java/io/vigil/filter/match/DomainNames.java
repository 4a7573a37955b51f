package io.vigil.filter.match;

import java.util.Locale;

/** Normalises and checks host names the way the matcher stores them: lower case, no trailing dot, ASCII. */
public final class DomainNames {

    private DomainNames() {
    }

    /** {@code WWW.Example.COM.} → {@code www.example.com}; cheap enough for every DNS query. */
    public static String normalise(String name) {
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return n.toLowerCase(Locale.ROOT);
            }
        }
        return n;
    }

    /**
     * Why {@code name} (already normalised) is not a usable host name, or {@code null} if it is. Underscores are
     * accepted because real lists contain them (service names, some CDNs).
     */
    public static String problem(String name) {
        if (name.isEmpty()) {
            return "empty domain";
        }
        if (name.length() > 253) {
            return "domain longer than 253 characters";
        }
        for (String label : name.split("\\.", -1)) {
            if (label.isEmpty()) {
                return "empty label in \"" + name + "\"";
            }
            if (label.length() > 63) {
                return "label longer than 63 characters in \"" + name + "\"";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!ok) {
                    return "character '" + c + "' not allowed in domain \"" + name + "\" (write IDNs as xn--)";
                }
            }
        }
        return null;
    }
}
