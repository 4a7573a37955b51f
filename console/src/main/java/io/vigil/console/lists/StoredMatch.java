package io.vigil.console.lists;

import java.util.List;

/**
 * A stored alert as the retro-test needs it. The snippet is pupil content: it is re-matched inside the console
 * and never leaves {@link RetroTest}, whose result is counts per rule.
 *
 * @param falsePositive whether the DSL closed the case with the outcome "false positive"
 */
public record StoredMatch(String category, int severity, List<String> ruleIds, String snippet, boolean falsePositive) {

    public StoredMatch {
        ruleIds = List.copyOf(ruleIds);
    }
}
