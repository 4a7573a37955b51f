package io.vigil.console.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The language a pupil wrote in, as an ISO 639 code from the device. It is untrusted input that only labels an
 * alert, so anything that is not a plain code becomes "unknown" rather than a reason to refuse the alert.
 */
public final class LanguageCode {

    private static final Pattern CODE = Pattern.compile("[a-z]{2,3}");

    private LanguageCode() {
    }

    /** The code in lower case, or "" when it is missing or not a plain ISO 639 code. */
    public static String clean(String code) {
        if (code == null) {
            return "";
        }
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return CODE.matcher(lower).matches() ? lower : "";
    }

    /** "Polish" for {@code pl}, in English for the DSL; "" for English or unknown (nothing worth saying). */
    public static String nameForDsl(String code) {
        if (code == null || code.isEmpty() || code.equals("en")) {
            return "";
        }
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.UK);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
