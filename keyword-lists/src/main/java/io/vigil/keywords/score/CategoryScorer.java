package io.vigil.keywords.score;

import io.vigil.keywords.match.PatternHit;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;
import io.vigil.keywords.normalize.NormalizedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one category on one text (e2guardian's weighted phrase lists in spirit): exceptions first
 * remove the matches they cover, then each remaining rule counts once; banned rules alert on their
 * own, weighted rules add up to the category's threshold.
 */
final class CategoryScorer {

    private final NormalizedText text;
    private final Map<Integer, List<PatternHit>> hits;
    /** Built on first use per exception pattern, for this one text only. */
    private final Map<Integer, ExceptionSpans> exceptionSpans = new HashMap<>();

    CategoryScorer(NormalizedText text, Map<Integer, List<PatternHit>> hits) {
        this.text = text;
        this.hits = hits;
    }

    CategoryResult score(CategoryList list, List<CompiledRule> candidates, List<CompiledRule> exceptions) {
        List<RuleHit> counted = new ArrayList<>();
        List<Cancellation> cancelled = new ArrayList<>();
        for (CompiledRule cr : candidates) {
            List<CompiledRule> applicable = exceptions.stream().filter(e -> e.cancels(cr.rule())).toList();
            List<List<NearWindows.WordHit>> perPattern = new ArrayList<>();
            for (int p : cr.patterns()) {
                perPattern.add(surviving(cr.rule(), p, applicable, cancelled));
            }
            List<Span> spans = new ArrayList<>();
            if (cr.rule().kind() == RuleKind.TERM) {
                perPattern.getFirst().forEach(h -> spans.add(original(h.start(), h.end())));
            } else {
                NearWindows.find(perPattern, cr.rule().window()).forEach(w -> spans.add(original(w.start(), w.end())));
            }
            if (!spans.isEmpty()) {
                spans.sort(Comparator.comparingInt(Span::start));
                Rule r = cr.rule();
                counted.add(new RuleHit(r.id(), r.kind(), r.weight(), r.severity(), r.line(), spans));
            }
        }
        counted.sort(Comparator.comparingInt(h -> h.matches().getFirst().start()));
        int threshold = list.header().threshold();
        int score = 0;
        int severity = 0;
        boolean banned = false;
        for (RuleHit h : counted) {
            banned |= h.banned();
            score += h.banned() ? threshold : h.weight();
            severity = Math.max(severity, h.severity());
        }
        boolean alert = banned || (score >= threshold && !counted.isEmpty());
        return new CategoryResult(list.category(), alert, severity, score, threshold, counted, cancelled);
    }

    private List<NearWindows.WordHit> surviving(Rule rule, int pattern, List<CompiledRule> exceptions,
                                                List<Cancellation> cancelled) {
        List<NearWindows.WordHit> out = new ArrayList<>();
        for (PatternHit h : hits.getOrDefault(pattern, List.of())) {
            CompiledRule by = coveringException(h, exceptions);
            if (by != null) {
                cancelled.add(new Cancellation(rule.id(), by.rule().id(), original(h.start(), h.end())));
            } else {
                out.add(new NearWindows.WordHit(text.tokenOf(h.start()), text.tokenOf(h.end() - 1), h.start(), h.end()));
            }
        }
        return out;
    }

    private CompiledRule coveringException(PatternHit h, List<CompiledRule> exceptions) {
        for (CompiledRule e : exceptions) {
            int pattern = e.patterns()[0];
            if (hits.containsKey(pattern)
                    && exceptionSpans.computeIfAbsent(pattern, p -> new ExceptionSpans(hits.get(p))).covers(h.start(), h.end())) {
                return e;
            }
        }
        return null;
    }

    private Span original(int start, int end) {
        return new Span(text.originalStart(start), text.originalEnd(end - 1));
    }
}
