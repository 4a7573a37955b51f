package io.vigil.keywords.normalize;

/**
 * Stage one of normalisation: the original text folded code point by code point into classified
 * characters ("cells"), each remembering its original span. Invisible characters are dropped here,
 * runs of separators collapse into one separator cell.
 */
final class Cells extends SpannedChars {

    static final byte SEP = 0;
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    /** A symbol that stands for a letter inside a word: {@code $elf}, {@code h@rm}, {@code su!c!de}. */
    static final byte LEET = 3;
    static final byte APOS = 4;
    static final byte EMOJI = 5;
    static final byte EMOJI_CONT = 6;

    private Cells(int capacity) {
        super(capacity);
    }

    static Cells read(String text) {
        int n = text.length();
        Cells cells = new Cells(n + 8);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '%' && isPercentEscape(text, i)) {
                // URL escapes (%20, %2B, %27): a separator, so "kill%20myself" reads as two words.
                cells.sep(i);
                i += 3;
                continue;
            }
            if (c == '+' && isUrlSpace(text, i)) {
                cells.sep(i);
                i++;
                continue;
            }
            if (c < 128) {
                cells.ascii(c, i);
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            int e = i + Character.charCount(cp);
            cells.nonAscii(cp, i, e);
            i = e;
        }
        return cells;
    }

    private static boolean isPercentEscape(String text, int i) {
        return i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                && Character.digit(text.charAt(i + 2), 16) >= 0;
    }

    /**
     * A {@code +} between two runs of at least two letters is a space in a URL query
     * ({@code how+to+kill+myself}), not the leet {@code t} of {@code +ired} or {@code h@+e}.
     */
    private static boolean isUrlSpace(String text, int i) {
        return i >= 2 && i + 2 < text.length() && Character.isLetter(text.charAt(i - 1))
                && Character.isLetter(text.charAt(i - 2)) && Character.isLetter(text.charAt(i + 1))
                && Character.isLetter(text.charAt(i + 2));
    }

    static boolean isLeetSymbol(char c) {
        return c == '$' || c == '@' || c == '!' || c == '|' || c == '+' || c == '\u20AC';
    }

    private void ascii(char c, int i) {
        if (c >= 'a' && c <= 'z') {
            add(c, i, i + 1, LETTER);
        } else if (c >= 'A' && c <= 'Z') {
            add((char) (c + 32), i, i + 1, LETTER);
        } else if (c >= '0' && c <= '9') {
            add(c, i, i + 1, DIGIT);
        } else if (isLeetSymbol(c)) {
            add(c, i, i + 1, LEET);
        } else if (c == '\'' || c == '`') {
            add('\'', i, i + 1, APOS);
        } else if ((c < 32 && !Character.isWhitespace(c)) || c == 127) {
            // control character: dropped so it cannot split a word invisibly
        } else {
            sep(i);
        }
    }

    private void nonAscii(int cp, int s, int e) {
        if (Folding.isIgnorable(cp)) {
            return;
        }
        if (Folding.isApostrophe(cp)) {
            add('\'', s, e, APOS);
            return;
        }
        String folded = Folding.fold(cp);
        if (folded == null || (Character.getType(cp) == Character.OTHER_SYMBOL
                && folded.length() == Character.charCount(cp) && folded.codePointAt(0) == cp)) {
            emoji(cp, s, e);
            return;
        }
        for (int k = 0; k < folded.length(); k++) {
            char f = folded.charAt(k);
            byte kind = classify(f);
            if (kind == SEP) {
                sep(s);
            } else {
                add(f, s, e, kind);
            }
        }
    }

    private void emoji(int cp, int s, int e) {
        if (Character.isSupplementaryCodePoint(cp)) {
            add(Character.highSurrogate(cp), s, e, EMOJI);
            add(Character.lowSurrogate(cp), s, e, EMOJI_CONT);
        } else {
            add((char) cp, s, e, EMOJI);
        }
    }

    private static byte classify(char f) {
        if (f < 128) {
            if (f >= 'a' && f <= 'z') {
                return LETTER;
            }
            if (f >= '0' && f <= '9') {
                return DIGIT;
            }
            return isLeetSymbol(f) ? LEET : SEP;
        }
        if (isLeetSymbol(f)) {
            return LEET;
        }
        if (Character.isLetter(f) || Character.isSurrogate(f)
                || Character.getType(f) == Character.COMBINING_SPACING_MARK) {
            return LETTER;
        }
        return Character.isDigit(f) ? DIGIT : SEP;
    }

    private void sep(int i) {
        if (size > 0 && tag[size - 1] == SEP) {
            return;
        }
        add(' ', i, i, SEP);
    }
}
