package io.vigil.agent.match;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out words that look like secrets (a password typed into the wrong box, an API key pasted into a
 * chat) before text is scanned, so they can never end up in a snippet. A safeguarding phrase is made of
 * ordinary words; a secret is a single run of mixed letters, digits and symbols.
 */
public final class SecretTokens {

    static final String MASK = "[hidden]";
    private static final Pattern TOKEN = Pattern.compile("\\S{8,}");
    private static final Pattern KEY_LIKE = Pattern.compile("[A-Za-z0-9+/=_\\-]{20,}");

    private SecretTokens() {
    }

    public static String mask(String text) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            if (looksSecret(m.group())) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, last, m.start()).append(MASK);
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    static boolean looksSecret(String token) {
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http") || lower.startsWith("www.")) {
            return false; // a typed address is evidence, not a secret
        }
        int lowerCase = 0, upperCase = 0, digits = 0, symbols = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                lowerCase = 1;
            } else if (Character.isUpperCase(c)) {
                upperCase = 1;
            } else if (Character.isDigit(c)) {
                digits = 1;
            } else {
                symbols = 1;
            }
        }
        // Punctuation around a word ("myself!!", "(tonight)") and inside one ("Saturday's", "re-do") is
        // ordinary writing, not a symbol class.
        boolean innerSymbol = symbols == 1 && token.replaceAll("^\\p{Punct}+|\\p{Punct}+$", "").chars()
                .anyMatch(c -> !Character.isLetterOrDigit(c) && c != '\'' && c != '\u2019' && c != '-');
        int classes = lowerCase + upperCase + digits + (innerSymbol ? 1 : 0);
        boolean mixedWithDigits = digits == 1 && (lowerCase + upperCase) >= 1;
        return classes >= 3 || (mixedWithDigits && classes >= 2 && token.length() >= 10)
                || (KEY_LIKE.matcher(token).matches() && digits == 1);
    }
}
