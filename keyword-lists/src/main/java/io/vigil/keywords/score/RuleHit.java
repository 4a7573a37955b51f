package io.vigil.keywords.score;

import io.vigil.keywords.model.RuleKind;

import java.util.List;

/**
 * A rule that counted towards its category: where it matched (original offsets; for {@code near} and
 * {@code escalate} one span per window found) and what it contributes.
 *
 * @param weight   1-100, or -1 for a banned rule
 * @param language the language the rule is written in
 */
public record RuleHit(String ruleId, RuleKind kind, int weight, int severity, int line, List<Span> matches,
                      String language) {

    public RuleHit {
        matches = List.copyOf(matches);
    }

    public boolean banned() {
        return weight < 0;
    }
}
