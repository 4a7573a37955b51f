package io.vigil.keywords.score;

import java.util.List;

/**
 * How one category scored on a text: the explanation behind a verdict. A long message is scored per
 * sentence (and adjacent pair of sentences); the figures here are those of the pair that scored highest.
 *
 * @param severity  highest severity among the counted rules (0 if none counted), after any context cap
 * @param score     sum of counted weights; a banned rule counts as a full threshold
 * @param rules     rules that counted in the chosen sentences, in text order of their first match
 * @param cancelled matches removed by exceptions
 * @param language  language of the rule that set the severity ({@code en}, {@code pl}, ...), "" if none
 * @param decisions the sentence, context and escalation decisions taken, in words, for {@code explain()}
 */
public record CategoryResult(String category, boolean alert, int severity, int score, int threshold,
                             List<RuleHit> rules, List<Cancellation> cancelled, String language,
                             List<String> decisions) {

    public CategoryResult {
        rules = List.copyOf(rules);
        cancelled = List.copyOf(cancelled);
        decisions = List.copyOf(decisions);
    }
}
