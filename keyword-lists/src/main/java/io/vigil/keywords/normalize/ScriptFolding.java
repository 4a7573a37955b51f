package io.vigil.keywords.normalize;

/**
 * Letters that pupils type in more than one way in the scripts Vigil's lists cover, folded to one
 * form so a list needs one spelling. Applied by {@link Folding} before case folding, one code point
 * at a time, so every folded character still maps back to the pupil's own character.
 *
 * <ul>
 *   <li>Arabic: hamza and madda alef forms and alef wasla to bare alef ({@code أ إ آ ٱ → ا});
 *       alef maksura and the Persian/Urdu yeh to Arabic yeh ({@code ى ی → ي}); teh marbuta and the
 *       Urdu heh forms to heh ({@code ة ہ ھ ۃ → ه}); keheh to kaf ({@code ک → ك}); tatweel
 *       ({@code ـ}, a stretching stroke) removed; Arabic-Indic and Persian digits to ASCII digits.
 *       Harakat (short vowel marks) are combining marks and are removed with every other diacritic.</li>
 *   <li>Polish {@code ł → l} (it has no Unicode decomposition, so diacritic removal misses it).</li>
 *   <li>Turkish dotless {@code ı → i} and dotted capital {@code İ → i}, independent of the default
 *       locale (a Turkish default locale would lower-case {@code I} to {@code ı}).</li>
 *   <li>Romanian comma-below and cedilla forms ({@code ș ş → s}, {@code ț ţ → t}) unified, then folded.</li>
 * </ul>
 */
public final class ScriptFolding {

    /** Marks a code point that is removed altogether. */
    static final int REMOVE = -2;
    /** Marks a code point this class leaves alone. */
    static final int KEEP = -1;

    private ScriptFolding() {
    }

    /** The code point {@code cp} folds to, {@link #REMOVE}, or {@link #KEEP}. */
    static int map(int cp) {
        if (cp >= 0x0600 && cp <= 0x06FF) {
            return arabic(cp);
        }
        return switch (cp) {
            case 0x0141, 0x0142 -> 'l';            // Ł ł
            case 0x0130, 0x0131 -> 'i';            // İ ı
            case 0x015E, 0x015F, 0x0218, 0x0219 -> 's'; // Ş ş Ș ș
            case 0x0162, 0x0163, 0x021A, 0x021B -> 't'; // Ţ ţ Ț ț
            case 0x00D8, 0x00F8 -> 'o';            // Ø ø
            case 0x0110, 0x0111 -> 'd';            // Đ đ
            default -> KEEP;
        };
    }

    private static int arabic(int cp) {
        if (cp >= 0x0660 && cp <= 0x0669) {
            return '0' + (cp - 0x0660);
        }
        if (cp >= 0x06F0 && cp <= 0x06F9) {
            return '0' + (cp - 0x06F0);
        }
        return switch (cp) {
            case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673 -> 0x0627;
            case 0x0649, 0x06CC, 0x06D0 -> 0x064A;
            case 0x0629, 0x06C1, 0x06BE, 0x06C3, 0x06D5 -> 0x0647;
            case 0x06A9, 0x06AA -> 0x0643;
            case 0x0640 -> REMOVE;
            default -> KEEP;
        };
    }

    /** Harakat, the superscript alef and Quranic marks: removed with the other combining marks. */
    static boolean isArabicMark(int cp) {
        return cp >= 0x064B && cp <= 0x065F || cp == 0x0670 || cp >= 0x06D6 && cp <= 0x06ED;
    }

    /**
     * Why a list pattern is not written in folded form, or null when it is. Lists are written the
     * way the folding leaves them (bare alef, no tatweel or harakat, {@code l} for {@code ł}, Latin
     * letters without diacritics) so a reviewer reads exactly what is matched and two spellings of
     * one word cannot drift apart into two rules.
     */
    public static String unfolded(String pattern) {
        for (int i = 0; i < pattern.length(); ) {
            int cp = pattern.codePointAt(i);
            i += Character.charCount(cp);
            String why = unfoldedCodePoint(cp);
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    private static String unfoldedCodePoint(int cp) {
        String ch = new String(Character.toChars(cp));
        if (isArabicMark(cp)) {
            return String.format("harakat/mark U+%04X: remove it (marks are folded away)", cp);
        }
        int m = map(cp);
        if (m == REMOVE) {
            return String.format("tatweel U+%04X: remove it (it is folded away)", cp);
        }
        if (m >= 0) {
            return "write " + new String(Character.toChars(m)) + " for " + ch + " (the folded form)";
        }
        boolean latinWithMarks = cp >= 0x00C0 && cp <= 0x024F || cp >= 0x1E00 && cp <= 0x1EFF;
        if (latinWithMarks && Character.isLetter(cp)) {
            String folded = Folding.fold(cp);
            if (!folded.equals(ch.toLowerCase(java.util.Locale.ROOT))) {
                return "write " + folded + " for " + ch + " (Latin letters are written without diacritics, as folded)";
            }
        }
        return null;
    }
}
