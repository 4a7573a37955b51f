package io.vigil.filter.match;

import java.util.HashMap;
import java.util.Map;

/**
 * Finds which categories a host name belongs to, by exact name and by parent domains, in a handful of hash
 * look-ups per query (one per label), whatever the size of the lists.
 *
 * <p>Patterns: {@code example.com} matches the name and every sub-domain (how hosts and squidGuard lists are
 * meant); {@code *.example.com} matches sub-domains only; {@code =example.com} matches that exact name only.
 * Each pattern carries a 64-bit mask of categories, so one look-up answers for every category at once.
 */
public final class DomainMatcher {

    private static final int SELF_AND_SUB = 0;
    private static final int SUB_ONLY = 1;
    private static final int EXACT = 2;

    private final Map<String, long[]> entries;

    private DomainMatcher(Map<String, long[]> entries) {
        this.entries = entries;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static DomainMatcher empty() {
        return new DomainMatcher(Map.of());
    }

    /** The categories {@code name} (normalised) belongs to, OR-ed; 0 when none. */
    public long match(String name) {
        long mask = 0;
        long[] e = entries.get(name);
        if (e != null) {
            mask |= e[SELF_AND_SUB] | e[EXACT];
        }
        int dot = name.indexOf('.');
        while (dot >= 0) {
            e = entries.get(name.substring(dot + 1));
            if (e != null) {
                mask |= e[SELF_AND_SUB] | e[SUB_ONLY];
            }
            dot = name.indexOf('.', dot + 1);
        }
        return mask;
    }

    public boolean matches(String name) {
        return match(name) != 0;
    }

    public int size() {
        return entries.size();
    }

    /** Collects patterns; not thread-safe, the built matcher is immutable. */
    public static final class Builder {
        private final Map<String, long[]> entries = new HashMap<>();

        /**
         * Adds a pattern for the categories in {@code mask}.
         *
         * @return why the pattern is unusable, or {@code null} when added
         */
        public String add(String pattern, long mask) {
            int kind = SELF_AND_SUB;
            String name = DomainNames.normalise(pattern.trim());
            if (name.startsWith("*.")) {
                kind = SUB_ONLY;
                name = name.substring(2);
            } else if (name.startsWith("=")) {
                kind = EXACT;
                name = name.substring(1);
            }
            if (name.indexOf('*') >= 0) {
                return "wildcard only allowed as a leading \"*.\" in \"" + pattern + "\"";
            }
            String problem = DomainNames.problem(name);
            if (problem != null) {
                return problem;
            }
            entries.computeIfAbsent(name, k -> new long[3])[kind] |= mask;
            return null;
        }

        public DomainMatcher build() {
            return new DomainMatcher(new HashMap<>(entries));
        }
    }
}
