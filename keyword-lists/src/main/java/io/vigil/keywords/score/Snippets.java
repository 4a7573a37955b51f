package io.vigil.keywords.score;

/**
 * Cuts the bounded context kept with an alert. Privacy: only this window around the match ever
 * leaves the device, never the surrounding keystrokes, so it is capped and cut at word boundaries.
 */
public final class Snippets {

    private Snippets() {
    }

    /** At most {@code max} characters of {@code text} around {@code [start, end)}, cut at whitespace. */
    public static String around(String text, int start, int end, int max) {
        int len = text.length();
        if (len <= max) {
            return text.strip();
        }
        int s;
        int e;
        if (end - start > max) {
            s = start;
            e = cutBack(text, start + max, start + 1);
        } else {
            int slack = max - (end - start);
            s = Math.max(0, start - slack / 2);
            e = Math.min(len, s + max);
            s = Math.max(0, e - max);
            if (s > 0 && !Character.isWhitespace(text.charAt(s - 1))) {
                int w = s;
                while (w < start && !Character.isWhitespace(text.charAt(w))) {
                    w++;
                }
                s = w;
            }
            e = cutBack(text, e, end);
        }
        if (s < len && Character.isLowSurrogate(text.charAt(s))) {
            s++;
        }
        if (e > s && Character.isHighSurrogate(text.charAt(e - 1))) {
            e--;
        }
        return text.substring(s, Math.max(s, e)).strip();
    }

    /** Moves {@code e} back to just before a whitespace so no word is cut, but not below {@code floor}. */
    private static int cutBack(String text, int e, int floor) {
        if (e >= text.length() || Character.isWhitespace(text.charAt(e))) {
            return e;
        }
        int w = e;
        while (w > floor && !Character.isWhitespace(text.charAt(w - 1))) {
            w--;
        }
        return w > floor ? w : e;
    }
}
