package io.vigil.keywords.score;

import io.vigil.keywords.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Picks the verdict among alerting categories: highest severity, then highest score, then list order. */
final class Verdicts {

    private Verdicts() {
    }

    static Verdict choose(String text, List<CategoryResult> results) {
        CategoryResult best = null;
        for (CategoryResult r : results) {
            if (r.alert() && (best == null || r.severity() > best.severity()
                    || (r.severity() == best.severity() && r.score() > best.score()))) {
                best = r;
            }
        }
        if (best == null) {
            return Verdict.NONE;
        }
        int start = Integer.MAX_VALUE;
        int end = 0;
        List<String> ids = new ArrayList<>();
        for (RuleHit h : best.rules()) {
            ids.add(h.ruleId());
            for (Span s : h.matches()) {
                start = Math.min(start, s.start());
                end = Math.max(end, s.end());
            }
        }
        String snippet = Snippets.around(text, start, end, Verdict.MAX_SNIPPET_CHARS);
        return new Verdict(true, best.category(), best.severity(), best.score(), ids, snippet, start, end);
    }
}
