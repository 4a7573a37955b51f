package io.vigil.keywords;

import java.util.List;

/**
 * The outcome of scanning one text. When {@link #alert()} is false the other fields are empty/zero.
 *
 * @param alert      whether any category reached its threshold or a banned rule matched
 * @param category   winning category id (highest severity, then highest score), e.g. {@code self_harm}
 * @param severity   1 (information) .. 5 (imminent risk to life)
 * @param score      weighted score of the winning category
 * @param ruleIds    ids of the rules of the winning category that matched, in text order
 * @param snippet    bounded context around the match taken from the original text (at most
 *                   {@link #MAX_SNIPPET_CHARS} characters), never the whole input
 * @param matchStart offset in the original text where the first counted match starts
 * @param matchEnd   offset in the original text just after the last counted match ends
 * @param language   ISO code of the language of the rule that set the severity ({@code en}, {@code pl},
 *                   {@code ur}...), so the DSL knows the pupil wrote in that language; "" when no alert
 */
public record Verdict(boolean alert, String category, int severity, int score, List<String> ruleIds,
                      String snippet, int matchStart, int matchEnd, String language) {

    public static final int MAX_SNIPPET_CHARS = 200;

    public static final Verdict NONE = new Verdict(false, "", 0, 0, List.of(), "", 0, 0, "");

    public Verdict {
        ruleIds = List.copyOf(ruleIds);
    }

    /** A verdict from a rule written in English (the form callers used before rules carried a language). */
    public Verdict(boolean alert, String category, int severity, int score, List<String> ruleIds,
                   String snippet, int matchStart, int matchEnd) {
        this(alert, category, severity, score, ruleIds, snippet, matchStart, matchEnd, alert ? "en" : "");
    }
}
