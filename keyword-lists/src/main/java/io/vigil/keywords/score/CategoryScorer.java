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
 *
 * <p>A message of several sentences is scored per pair of adjacent sentences ({@link Sentences}) and the
 * pair that scores highest speaks for the category, so chatter around a disclosure neither hides it nor
 * adds weight to it. In that pair, help-seeking, teaching or reporting context caps the severity at 2
 * unless first-person intent is also there ({@link Cues}).
 */
final class CategoryScorer {

    /** Escalate rules have no word window of their own: the sentence pair bounds them. */
    private static final int WHOLE_SENTENCES = 1 << 20;
    /** The severity help-seeking, teaching and reporting context caps a category at. */
    static final int CONTEXT_CAP = 2;

    private final NormalizedText text;
    private final Map<Integer, List<PatternHit>> hits;
    private final Sentences sentences;
    private final Cues cues;
    /** Built on first use per exception pattern, for this one text only. */
    private final Map<Integer, ExceptionSpans> exceptionSpans = new HashMap<>();

    /** Percent of each category's @threshold that weighted rules must reach (100: as written). */
    private final int thresholdPercent;

    CategoryScorer(NormalizedText text, Map<Integer, List<PatternHit>> hits, Sentences sentences, Cues cues) {
        this(text, hits, sentences, cues, 100);
    }

    CategoryScorer(NormalizedText text, Map<Integer, List<PatternHit>> hits, Sentences sentences, Cues cues,
                   int thresholdPercent) {
        this.thresholdPercent = thresholdPercent;
        this.text = text;
        this.hits = hits;
        this.sentences = sentences;
        this.cues = cues;
    }

    /** A rule's matches, each with the sentence it starts in. */
    private record Found(Rule rule, List<Span> spans, int[] sentenceOf, boolean identityOnly) {
        RuleHit hitIn(int from, int to) {
            List<Span> kept = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                if (sentenceOf[i] >= from && sentenceOf[i] <= to) {
                    kept.add(spans.get(i));
                }
            }
            return new RuleHit(rule.id(), rule.kind(), rule.weight(), rule.severity(), rule.line(), kept, rule.language());
        }
    }

    CategoryResult score(CategoryList list, List<CompiledRule> candidates, List<CompiledRule> exceptions) {
        List<Found> found = new ArrayList<>();
        List<Cancellation> cancelled = new ArrayList<>();
        for (CompiledRule cr : candidates) {
            Found f = find(cr, exceptions, cancelled);
            if (f != null) {
                found.add(f);
            }
        }
        // Which rules matched in which sentence, once: each pair of sentences then reads only its own rules,
        // so a long text costs its matches, not sentences times matches.
        int count = sentences.count();
        List<List<Integer>> bySentence = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bySentence.add(null);
        }
        for (int k = 0; k < found.size(); k++) {
            int last = -1;
            for (int sentence : found.get(k).sentenceOf()) {
                if (sentence != last) {
                    if (bySentence.get(sentence) == null) {
                        bySentence.set(sentence, new ArrayList<>(2));
                    }
                    bySentence.get(sentence).add(k);
                    last = sentence;
                }
            }
        }
        int[] seenIn = new int[found.size()];
        java.util.Arrays.fill(seenIn, -1);
        int units = Math.max(1, count - 1);
        Unit best = null;
        for (int u = 0; u < units; u++) {
            int to = Math.min(u + 1, count - 1);
            if (bySentence.get(u) == null && bySentence.get(to) == null) {
                continue;
            }
            Unit unit = unit(list, found, bySentence, seenIn, u, to);
            if (best == null || unit.beats(best)) {
                best = unit;
            }
        }
        if (best == null) {
            best = new Unit(0, 0);
        }
        return best.result(list, found, cancelled, count);
    }

    private Found find(CompiledRule cr, List<CompiledRule> exceptions, List<Cancellation> cancelled) {
        Rule rule = cr.rule();
        List<CompiledRule> applicable = exceptions.stream().filter(e -> e.cancels(rule)).toList();
        List<int[]> at = new ArrayList<>(); // {normalised start, normalised end, start word}
        if (rule.kind() == RuleKind.TERM) {
            for (NearWindows.WordHit h : surviving(rule, cr.patterns()[0], applicable, cancelled)) {
                at.add(new int[] {h.start(), h.end(), h.startWord()});
            }
        } else {
            List<List<NearWindows.WordHit>> parts = new ArrayList<>();
            int window;
            if (rule.kind() == RuleKind.ESCALATE) {
                for (String group : rule.roles()) {
                    parts.add(cues.hitsOf(group).stream().filter(h -> !excepted(h, applicable)).toList());
                }
                window = WHOLE_SENTENCES;
            } else {
                for (int p : cr.patterns()) {
                    parts.add(surviving(rule, p, applicable, cancelled));
                }
                window = rule.window();
            }
            NearWindows.find(parts, window, sentences).forEach(w -> at.add(new int[] {w.start(), w.end(), w.startWord()}));
        }
        if (at.isEmpty()) {
            return null;
        }
        at.sort(Comparator.comparingInt(a -> a[0]));
        List<Span> spans = new ArrayList<>(at.size());
        int[] sentenceOf = new int[at.size()];
        for (int i = 0; i < at.size(); i++) {
            spans.add(original(at.get(i)[0], at.get(i)[1]));
            sentenceOf[i] = sentences.sentenceOf(at.get(i)[2]);
        }
        return new Found(rule, spans, sentenceOf, cr.identityOnly());
    }

    /** The category scored on sentences {@code [from, to]}: figures only, rule hits are built for the winner. */
    private Unit unit(CategoryList list, List<Found> found, List<List<Integer>> bySentence, int[] seenIn,
                      int from, int to) {
        int threshold = list.header().threshold();
        Unit u = new Unit(from, to);
        for (int sentence = from; sentence <= to; sentence++) {
            List<Integer> here = bySentence.get(sentence);
            if (here == null) {
                continue;
            }
            for (int k : here) {
                if (seenIn[k] == from) {
                    continue;
                }
                seenIn[k] = from;
                u.members.add(k);
                Rule r = found.get(k).rule();
                u.banned |= r.banned();
                u.predicate |= !found.get(k).identityOnly();
                u.score += r.banned() ? threshold : r.weight();
                if (r.severity() > u.severity) {
                    u.severity = r.severity();
                    u.topSentence = sentence;
                }
                // The language shown is that of the pupil's words: an escalation is written once for every
                // language, so it speaks for the language only when no worded rule matched. On a tie a rule in
                // another language beats an English one: it matched the pupil's own language.
                boolean worded = r.kind() != RuleKind.ESCALATE;
                if (u.language.isEmpty() || worded && (r.severity() > u.languageSeverity
                        || r.severity() == u.languageSeverity && "en".equals(u.language) && !"en".equals(r.language()))) {
                    u.language = r.language();
                    u.languageSeverity = worded ? r.severity() : 0;
                }
            }
        }
        // A lower limit (a younger pupil's profile) lets fewer weighted signals alert; never below one point.
        int limit = Math.max(1, (threshold * thresholdPercent + 99) / 100);
        u.alert = u.banned || (u.score >= limit && !u.members.isEmpty());
        if (u.alert && !u.predicate) {
            // Never out a child: identity and health words alone ("gay people", "muslims") never alert.
            u.alert = false;
            u.decisions.add("only identity or health words matched: no alert without a hostile or harmful predicate");
        }
        applyContext(u);
        return u;
    }

    /**
     * Context lowers, never hides: help, teaching or reporting context in the sentence that set the severity
     * caps it at 2 unless first-person intent is present in the sentence pair. Context in a neighbouring
     * sentence does not lower a disclosure ("we had a Childline assembly. my dad hits me").
     */
    private void applyContext(Unit u) {
        if (cues.isEmpty() || u.members.isEmpty()) {
            return;
        }
        Cues.Hit fiction = cues.firstIn(Cues.FICTION, sentences, u.from, u.to);
        if (fiction != null) {
            u.decisions.add("fiction/homework framing (" + fiction.ruleId() + ") noted: it never lowers a disclosure");
        }
        for (String role : Cues.CONTEXT_ROLES) {
            Cues.Hit context = cues.firstIn(role, sentences, u.topSentence, u.topSentence);
            if (context == null) {
                continue;
            }
            Cues.Hit intent = cues.intentIn(sentences, u.from, u.to);
            if (intent != null) {
                u.decisions.add(role + " context (" + context.ruleId() + ") not applied: first-person intent ("
                        + intent.ruleId() + ")");
            } else if (u.severity > CONTEXT_CAP) {
                u.decisions.add(role + " context (" + context.ruleId() + ") caps severity " + u.severity + " -> "
                        + CONTEXT_CAP);
                u.severity = CONTEXT_CAP;
            } else {
                u.decisions.add(role + " context (" + context.ruleId() + ") present; severity already <= " + CONTEXT_CAP);
            }
            return;
        }
    }

    /** One sentence pair's score while it is being compared with the others. */
    private static final class Unit {
        final int from;
        final int to;
        /** Indexes into the found rules of the rules that matched in these sentences. */
        final List<Integer> members = new ArrayList<>();
        final List<String> decisions = new ArrayList<>();
        boolean alert;
        boolean banned;
        /** Some counted rule is more than identity or health words. */
        boolean predicate;
        int score;
        int severity;
        /** The sentence where the rule that set the severity matched: context must sit in it to lower it. */
        int topSentence;
        String language = "";
        int languageSeverity;

        Unit(int from, int to) {
            this.from = from;
            this.to = to;
        }

        boolean beats(Unit other) {
            if (alert != other.alert) {
                return alert;
            }
            if (severity != other.severity) {
                return severity > other.severity;
            }
            return score > other.score;
        }

        CategoryResult result(CategoryList list, List<Found> found, List<Cancellation> cancelled, int sentenceCount) {
            List<RuleHit> rules = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            if (sentenceCount > 1) {
                notes.add("scored on sentence" + (from == to ? " " + (from + 1) : "s " + (from + 1) + "-" + (to + 1))
                        + " of " + sentenceCount + " (the highest-scoring pair)");
            }
            for (int k : members) {
                Found f = found.get(k);
                rules.add(f.hitIn(from, to));
                if (f.rule().kind() == RuleKind.ESCALATE) {
                    notes.add("escalation " + f.rule().id() + ": " + String.join(" + ", f.rule().roles())
                            + " in one sentence or adjacent sentences -> severity " + f.rule().severity());
                }
            }
            rules.sort(Comparator.comparingInt(h -> h.matches().getFirst().start()));
            notes.addAll(decisions);
            return new CategoryResult(list.category(), alert, severity, score, list.header().threshold(), rules,
                    cancelled, language, notes);
        }
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

    /** Whether an exception of this category covers a cue match (a knife and fork is no weapon). */
    private boolean excepted(NearWindows.WordHit h, List<CompiledRule> exceptions) {
        return coveringException(new PatternHit(-1, h.start(), h.end()), exceptions) != null;
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
