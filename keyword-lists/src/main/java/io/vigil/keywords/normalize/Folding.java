package io.vigil.keywords.normalize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Per-code-point folding: NFKD compatibility decomposition, diacritics dropped, Cyrillic/Greek
 * look-alikes mapped to Latin, full case folding, and the per-script letter variants of
 * {@link ScriptFolding} (Arabic alef forms, Polish ł, Turkish dotless i, Romanian comma/cedilla). Together this is NFKC + case folding + diacritic
 * removal, done one code point at a time so every output character still knows its source offset.
 *
 * <p>The common scripts (below U+3000, plus the fullwidth forms) are folded once into an immutable
 * table; anything else is folded on demand.
 */
final class Folding {

    private static final int TABLE_LIMIT = 0x3000;
    private static final String[] TABLE = new String[TABLE_LIMIT];
    private static final String[] FULLWIDTH = new String[0x100];

    static {
        for (int cp = 0; cp < TABLE_LIMIT; cp++) {
            TABLE[cp] = compute(cp);
        }
        for (int i = 0; i < FULLWIDTH.length; i++) {
            FULLWIDTH[i] = compute(0xFF00 + i);
        }
    }

    private Folding() {
    }

    /** The folded form of {@code cp}; may be empty (a lone combining mark) or several characters (ﬁ). */
    static String fold(int cp) {
        if (cp < TABLE_LIMIT) {
            return TABLE[cp];
        }
        if (cp >= 0xFF00 && cp < 0xFF00 + FULLWIDTH.length) {
            return FULLWIDTH[cp - 0xFF00];
        }
        if (cp >= 0x1F300 && cp <= 0x1FAFF) {
            return null; // pictographic emoji: no decomposition, keep as is (fast path)
        }
        return compute(cp);
    }

    /**
     * Characters that carry no visible content and are used to split words invisibly: format
     * characters (zero-width space/joiner, soft hyphen, BOM), controls, combining marks on their own,
     * variation selectors, emoji skin-tone modifiers and Hangul fillers.
     */
    static boolean isIgnorable(int cp) {
        if (cp >= 0x1F3FB && cp <= 0x1F3FF) {
            return true;
        }
        if (cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (type == Character.CONTROL && !Character.isWhitespace(cp));
    }

    static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x00B4;
    }

    private static String compute(int cp) {
        int script = ScriptFolding.map(cp);
        if (script == ScriptFolding.REMOVE) {
            return "";
        }
        if (script >= 0) {
            return new String(Character.toChars(script));
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        String folded = stripMarksAndMap(decomposed).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return stripMarksAndMap(folded);
    }

    private static String stripMarksAndMap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
                sb.appendCodePoint(Homoglyphs.toLatin(c));
            }
        });
        return sb.toString();
    }
}
