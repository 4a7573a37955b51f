package io.vigil.keywords.normalize;

import java.util.Arrays;

/**
 * Stage three of normalisation: turns one word (a list of cells) into output characters. Decides
 * whether the word is leetspeak, squeezes stretched letters and keeps the offset map.
 *
 * <p>Leetspeak is only decoded inside a word that mixes letters with digits or leet symbols, so
 * numbers stay numbers ({@code 2 pills}, {@code £50}). A number followed by letters is a quantity or
 * time, not leet ({@code 3am}, {@code 50mg}, {@code 2nd}). Leet symbols at the end of a word are
 * punctuation ({@code help!}); at the start only {@code $} is read as a letter ({@code $elf}).
 */
final class WordWriter {

    private static final String LEET_FROM = "01345789$@!|+\u20AC";
    private static final String LEET_TO = "oieastbgsailte";

    private final String original;
    private final Cells cells;
    private int[] word = new int[32];
    private int wordLength;
    private boolean spaced;

    private final SpannedChars out;
    private int[] tokenStart = new int[16];
    private int[] tokenEnd = new int[16];
    private int tokens;

    WordWriter(String original, Cells cells) {
        this.original = original;
        this.cells = cells;
        out = new SpannedChars(cells.size + 8);
    }

    void beginWord(boolean spacedLetters) {
        wordLength = 0;
        spaced = spacedLetters;
    }

    void addCell(int cell) {
        if (wordLength == word.length) {
            word = Arrays.copyOf(word, wordLength * 2);
        }
        word[wordLength++] = cell;
    }

    void endWord() {
        if (wordLength == 0) {
            return;
        }
        byte first = cells.tag[word[0]];
        if (first == Cells.EMOJI || first == Cells.EMOJI_CONT) {
            emit(0, wordLength, false);
            return;
        }
        int from = 0;
        int to = wordLength;
        while (to > from && cells.tag[word[to - 1]] == Cells.LEET) {
            to--;
        }
        while (from < to && cells.tag[word[from]] == Cells.LEET && !(from == 0 && cells.ch[word[0]] == '$')) {
            from++;
        }
        boolean letter = false;
        boolean other = false;
        for (int k = from; k < to; k++) {
            byte kind = cells.tag[word[k]];
            letter |= kind == Cells.LETTER;
            other |= kind == Cells.DIGIT || kind == Cells.LEET;
        }
        if (letter && other && !isQuantity(from, to)) {
            emit(from, to, true);
            return;
        }
        int s = from;
        for (int k = from; k < to; k++) {
            if (cells.tag[word[k]] == Cells.LEET) {
                emit(s, k, false);
                s = k + 1;
            }
        }
        emit(s, to, false);
    }

    /** Digits followed by letters: {@code 3am}, {@code 50mg}, {@code 2nd}. */
    private boolean isQuantity(int from, int to) {
        int k = from;
        while (k < to && cells.tag[word[k]] == Cells.DIGIT) {
            k++;
        }
        if (k == from) {
            return false;
        }
        while (k < to && cells.tag[word[k]] == Cells.LETTER) {
            k++;
        }
        return k == to;
    }

    private void emit(int from, int to, boolean leet) {
        if (from >= to) {
            return;
        }
        int firstCell = word[from];
        if (out.size > 0) {
            out.add(' ', out.end[out.size - 1], cells.start[firstCell], (byte) 0);
        }
        if (tokens == tokenStart.length) {
            tokenStart = Arrays.copyOf(tokenStart, tokens * 2);
            tokenEnd = Arrays.copyOf(tokenEnd, tokens * 2);
        }
        tokenStart[tokens] = out.size;
        byte base = spaced ? NormalizedText.SPACED : 0;
        int k = from;
        while (k < to) {
            int cell = word[k];
            char c = mapped(cell, leet);
            if (c != 0) {
                int r = k + 1;
                while (r < to && mapped(word[r], leet) == c) {
                    r++;
                }
                if (r - k >= 3) {
                    out.add(c, cells.start[cell], cells.end[word[r - 1]], (byte) (base | NormalizedText.STRETCHED));
                    k = r;
                    continue;
                }
                out.add(c, cells.start[cell], cells.end[cell], base);
            } else {
                out.add(cells.ch[cell], cells.start[cell], cells.end[cell], base);
            }
            k++;
        }
        tokenEnd[tokens++] = out.size;
    }

    /** The letter a cell stands for, or 0 when it is not a letter (digit in plain text, emoji). */
    private char mapped(int cell, boolean leet) {
        byte kind = cells.tag[cell];
        if (kind == Cells.LETTER) {
            return cells.ch[cell];
        }
        if (leet && (kind == Cells.DIGIT || kind == Cells.LEET)) {
            int i = LEET_FROM.indexOf(cells.ch[cell]);
            return i < 0 ? 0 : LEET_TO.charAt(i);
        }
        return 0;
    }

    NormalizedText finish() {
        return new NormalizedText(original, out.ch, out.size, out.start, out.end, out.tag, tokenStart, tokenEnd, tokens);
    }
}
