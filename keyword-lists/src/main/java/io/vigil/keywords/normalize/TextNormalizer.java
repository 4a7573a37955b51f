package io.vigil.keywords.normalize;

/**
 * Normalises text (and patterns, with the same code) before matching. Stateless and thread-safe.
 *
 * <ol>
 *   <li>{@link Cells}: NFKC-style folding, case folding, diacritics, zero-width/control characters,
 *       Cyrillic/Greek look-alikes; each character classified (letter, digit, leet symbol, emoji...).</li>
 *   <li>Words: runs of letters, digits and leet symbols; an apostrophe between letters is dropped
 *       ({@code can't} = {@code cant}); every emoji is a word of its own.</li>
 *   <li>Letter spacing: three or more one-character words in a row ({@code s e l f h a r m},
 *       {@code k.y.s}) are joined into one word in which every position counts as a word boundary.</li>
 *   <li>{@link WordWriter}: leetspeak mapped only inside words that mix letters with digits or leet
 *       symbols, stretched letters squeezed, words written out separated by single spaces.</li>
 * </ol>
 */
public final class TextNormalizer {

    /** Letter spacing needs at least this many one-character words in a row. */
    private static final int MIN_SPACED_RUN = 3;

    public NormalizedText normalize(String text) {
        Cells cells = Cells.read(text);
        WordWriter out = new WordWriter(text, cells);
        int[] unitFrom = new int[cells.size / 2 + 1];
        int[] unitTo = new int[unitFrom.length];
        int units = 0;
        int i = 0;
        int n = cells.size;
        while (i < n) {
            byte k = cells.tag[i];
            if (k == Cells.SEP || k == Cells.APOS && !apostropheInsideWord(cells, i)) {
                i++;
                continue;
            }
            int from = i;
            if (k == Cells.EMOJI) {
                i++;
                while (i < n && cells.tag[i] == Cells.EMOJI_CONT) {
                    i++;
                }
            } else if (k == Cells.EMOJI_CONT) {
                i++;
            } else {
                i++;
                while (i < n && isWordCell(cells, i)) {
                    i++;
                }
            }
            if (units == unitFrom.length) {
                unitFrom = java.util.Arrays.copyOf(unitFrom, units * 2);
                unitTo = java.util.Arrays.copyOf(unitTo, units * 2);
            }
            unitFrom[units] = from;
            unitTo[units] = i;
            units++;
        }
        writeUnits(cells, out, unitFrom, unitTo, units);
        return out.finish();
    }

    private static void writeUnits(Cells cells, WordWriter out, int[] from, int[] to, int units) {
        int u = 0;
        while (u < units) {
            int runEnd = u;
            int letters = 0;
            while (runEnd < units && isSingle(cells, from[runEnd], to[runEnd])) {
                if (cells.tag[from[runEnd]] == Cells.LETTER) {
                    letters++;
                }
                runEnd++;
            }
            if (runEnd - u >= MIN_SPACED_RUN && letters >= 2) {
                out.beginWord(true);
                for (int k = u; k < runEnd; k++) {
                    out.addCell(from[k]);
                }
                out.endWord();
                u = runEnd;
                continue;
            }
            int stop = Math.max(runEnd, u + 1);
            for (int k = u; k < stop; k++) {
                out.beginWord(false);
                for (int c = from[k]; c < to[k]; c++) {
                    if (cells.tag[c] != Cells.APOS) {
                        out.addCell(c);
                    }
                }
                out.endWord();
            }
            u = stop;
        }
    }

    private static boolean isSingle(Cells cells, int from, int to) {
        byte k = cells.tag[from];
        return to - from == 1 && (k == Cells.LETTER || k == Cells.DIGIT || k == Cells.LEET);
    }

    private static boolean isWordCell(Cells cells, int i) {
        byte k = cells.tag[i];
        return k == Cells.LETTER || k == Cells.DIGIT || k == Cells.LEET
                || k == Cells.APOS && apostropheInsideWord(cells, i);
    }

    private static boolean apostropheInsideWord(Cells cells, int i) {
        return i > 0 && i + 1 < cells.size && cells.tag[i - 1] == Cells.LETTER && cells.tag[i + 1] == Cells.LETTER;
    }
}
