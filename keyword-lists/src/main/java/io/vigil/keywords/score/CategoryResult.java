package io.vigil.keywords.score;

import java.util.List;

/**
 * How one category scored on a text: the explanation behind a verdict.
 *
 * @param severity  highest severity among the counted rules (0 if none counted)
 * @param score     sum of counted weights; a banned rule counts as a full threshold
 * @param rules     rules that counted, in text order of their first match
 * @param cancelled matches removed by exceptions
 */
public record CategoryResult(String category, boolean alert, int severity, int score, int threshold,
                             List<RuleHit> rules, List<Cancellation> cancelled) {

    public CategoryResult {
        rules = List.copyOf(rules);
        cancelled = List.copyOf(cancelled);
    }
}
