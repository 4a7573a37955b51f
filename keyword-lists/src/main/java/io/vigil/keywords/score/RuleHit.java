package io.vigil.keywords.score;

import io.vigil.keywords.model.RuleKind;

import java.util.List;

/**
 * A rule that counted towards its category: where it matched (original offsets; for {@code near}
 * one span per window found) and what it contributes.
 *
 * @param weight 1-100, or -1 for a banned rule
 */
public record RuleHit(String ruleId, RuleKind kind, int weight, int severity, int line, List<Span> matches) {

    public RuleHit {
        matches = List.copyOf(matches);
    }

    public boolean banned() {
        return weight < 0;
    }
}
