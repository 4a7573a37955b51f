package io.vigil.keywords.score;

import io.vigil.keywords.Verdict;

import java.util.ArrayList;
import java.util.List;

/** Picks the verdict among alerting categories: highest severity, then highest score, then list order. */
final class Verdicts {

    private Verdicts() {
    }

    static Verdict choose(String text, List<CategoryResult> results) {
        CategoryResult chosen = null;
        for (CategoryResult r : results) {
            if (r.alert() && (chosen == null || r.severity() > chosen.severity()
                    || (r.severity() == chosen.severity() && r.score() > chosen.score()))) {
                chosen = r;
            }
        }
        if (chosen == null) {
            return Verdict.NONE;
        }
        CategoryResult best = chosen;
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
        // Only the chosen sentences' matches are here, so the snippet already centres on them; when they
        // are too far apart to fit, it centres on the rule that set the severity.
        String snippet;
        if (end - start <= Verdict.MAX_SNIPPET_CHARS) {
            snippet = Snippets.around(text, start, end, Verdict.MAX_SNIPPET_CHARS);
        } else {
            RuleHit top = best.rules().stream().filter(h -> h.severity() == best.severity()).findFirst()
                    .orElse(best.rules().getFirst());
            Span focus = top.matches().getFirst();
            snippet = Snippets.around(text, focus.start(), focus.end(), Verdict.MAX_SNIPPET_CHARS);
        }
        return new Verdict(true, best.category(), best.severity(), best.score(), ids, snippet, start, end,
                best.language());
    }
}
