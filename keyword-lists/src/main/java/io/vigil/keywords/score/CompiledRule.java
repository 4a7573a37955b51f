package io.vigil.keywords.score;

import io.vigil.keywords.model.Rule;

import java.util.Set;

/**
 * A rule bound to its patterns' ids in the shared {@link io.vigil.keywords.match.PatternIndex}.
 *
 * @param category index of the rule's category in the list set
 * @param applies  for an exception, the rule ids it cancels (empty: every rule of its category)
 * @param identityOnly every pattern is an identity or health word: it never makes a category alert alone
 */
record CompiledRule(Rule rule, int category, int[] patterns, Set<String> applies, boolean identityOnly) {

    CompiledRule(Rule rule, int category, int[] patterns, Set<String> applies) {
        this(rule, category, patterns, applies, false);
    }

    boolean cancels(Rule other) {
        return applies.isEmpty() || applies.contains(other.id());
    }
}
