package io.vigil.keywords.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Keys that let a literal with real double letters match text whose letters were stretched.
 *
 * <p>The normaliser squeezes runs of three or more identical letters to one letter and flags it as
 * stretched ({@code killll} → {@code kil}, {@code feeeel} → {@code fel}). Squeezing to one is right
 * for {@code diiie} → {@code die} but loses a real double; so a literal such as {@code kill} also
 * gets the key {@code kil}, which only counts where the collapsed letter is flagged stretched. The
 * plain word {@code kil} therefore never matches {@code kill}, and {@code god} never matches
 * {@code good}.
 */
final class StretchVariants {

    /** With more doubles than this only single collapses and the all-collapsed key are generated. */
    private static final int MAX_COMBINED = 3;

    record Variant(String key, int[] stretchedAt) {
    }

    private StretchVariants() {
    }

    static List<Variant> of(String literal) {
        List<Integer> doubles = new ArrayList<>();
        for (int i = 0; i + 1 < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == literal.charAt(i + 1) && Character.isLetter(c)
                    && (i + 2 >= literal.length() || literal.charAt(i + 2) != c)) {
                doubles.add(i);
            }
        }
        List<Variant> variants = new ArrayList<>();
        int k = doubles.size();
        if (k == 0) {
            return variants;
        }
        List<Integer> masks = new ArrayList<>();
        if (k <= MAX_COMBINED) {
            for (int m = 1; m < (1 << k); m++) {
                masks.add(m);
            }
        }
        for (int m : masks) {
            variants.add(collapse(literal, doubles, m));
        }
        if (k > MAX_COMBINED) {
            for (int d = 0; d < k; d++) {
                variants.add(collapse(literal, doubles.subList(d, d + 1), 1));
            }
            variants.add(collapse(literal, doubles, -1));
        }
        return variants;
    }

    private static Variant collapse(String literal, List<Integer> doubles, int mask) {
        StringBuilder key = new StringBuilder(literal.length());
        List<Integer> at = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < literal.length(); i++) {
            boolean collapseHere = next < doubles.size() && doubles.get(next) == i;
            if (collapseHere) {
                boolean chosen = (mask & (1 << next)) != 0;
                next++;
                if (chosen) {
                    at.add(key.length());
                    key.append(literal.charAt(i));
                    i++;
                    continue;
                }
            }
            key.append(literal.charAt(i));
        }
        return new Variant(key.toString(), at.stream().mapToInt(Integer::intValue).toArray());
    }
}
