package io.vigil.keywords.normalize;

/**
 * Text after normalisation: lower-case words separated by single spaces. Every normalised character
 * remembers the span of original text it came from, so matches can be reported (and snippets cut)
 * in terms of the original string.
 */
public final class NormalizedText {

    /** The character was squeezed from a run of three or more identical letters ({@code diiie}). */
    public static final byte STRETCHED = 1;
    /** The character belongs to a word rebuilt from spaced-out letters; every position in it is a word boundary. */
    public static final byte SPACED = 2;

    private final String original;
    private final char[] chars;
    private final int length;
    private final int[] origStart;
    private final int[] origEnd;
    private final byte[] flags;
    private final int[] tokenStart;
    private final int[] tokenEnd;
    private final int tokenCount;

    NormalizedText(String original, char[] chars, int length, int[] origStart, int[] origEnd, byte[] flags,
                   int[] tokenStart, int[] tokenEnd, int tokenCount) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.origStart = origStart;
        this.origEnd = origEnd;
        this.flags = flags;
        this.tokenStart = tokenStart;
        this.tokenEnd = tokenEnd;
        this.tokenCount = tokenCount;
    }

    public String original() {
        return original;
    }

    public int length() {
        return length;
    }

    public char charAt(int i) {
        return chars[i];
    }

    /** The raw character buffer (valid up to {@link #length()}), for the automaton's hot loop. */
    public char[] buffer() {
        return chars;
    }

    public boolean hasFlag(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    /** Offset in the original text where normalised character {@code i} starts. */
    public int originalStart(int i) {
        return origStart[i];
    }

    /** Offset in the original text just after normalised character {@code i}. */
    public int originalEnd(int i) {
        return origEnd[i];
    }

    public int tokenCount() {
        return tokenCount;
    }

    public int tokenStart(int token) {
        return tokenStart[token];
    }

    public int tokenEnd(int token) {
        return tokenEnd[token];
    }

    /**
     * Index of the word containing normalised position {@code i}; a separating space belongs to the
     * word before it. A binary search: it is only asked about the few positions that matched.
     */
    public int tokenOf(int i) {
        int lo = 0;
        int hi = tokenCount - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tokenStart[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** True when a word starts or ends at position {@code i} (0..length). */
    public boolean isBoundary(int i) {
        if (i <= 0 || i >= length) {
            return true;
        }
        if (chars[i] == ' ' || chars[i - 1] == ' ') {
            return true;
        }
        return (flags[i] & SPACED) != 0 && (flags[i - 1] & SPACED) != 0;
    }

    public String normalized() {
        return new String(chars, 0, length);
    }

    @Override
    public String toString() {
        return normalized();
    }
}
