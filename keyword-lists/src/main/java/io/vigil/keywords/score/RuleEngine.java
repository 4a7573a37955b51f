package io.vigil.keywords.score;

import io.vigil.keywords.Verdict;
import io.vigil.keywords.format.IdentityWords;
import io.vigil.keywords.match.CompiledPattern;
import io.vigil.keywords.match.PatternCompiler;
import io.vigil.keywords.match.PatternException;
import io.vigil.keywords.match.PatternHit;
import io.vigil.keywords.match.PatternIndex;
import io.vigil.keywords.model.CategoryList;
import io.vigil.keywords.model.ListSet;
import io.vigil.keywords.model.Rule;
import io.vigil.keywords.model.RuleKind;
import io.vigil.keywords.normalize.NormalizedText;
import io.vigil.keywords.normalize.TextNormalizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A validated list set compiled for scanning: every pattern of every category in one
 * {@link PatternIndex}, so a scan is one pass over the text, then rule evaluation on the hits only.
 * Immutable and thread-safe.
 */
public final class RuleEngine {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final PatternIndex index;
    private final List<CompiledRule> rules = new ArrayList<>();
    private final int[][] patternRules;
    private final List<CategoryList> lists;
    private final List<List<CompiledRule>> exceptions = new ArrayList<>();
    /** Escalate rules: they have no patterns of their own and are tried when cues matched. */
    private final List<Integer> escalations = new ArrayList<>();
    private final DomainIndex domains;

    public RuleEngine(ListSet set) {
        this.lists = set.lists();
        PatternCompiler compiler = new PatternCompiler(normalizer);
        Map<String, Integer> patternIds = new LinkedHashMap<>();
        List<CompiledPattern> compiled = new ArrayList<>();
        Map<Integer, List<Integer>> byPattern = new HashMap<>();
        for (int c = 0; c < lists.size(); c++) {
            List<CompiledRule> categoryExceptions = new ArrayList<>();
            for (Rule r : lists.get(c).rules()) {
                if (r.kind() == RuleKind.DOMAIN) {
                    continue; // host names, looked up by DomainIndex, never matched as words
                }
                int[] ids = new int[r.patterns().size()];
                for (int i = 0; i < ids.length; i++) {
                    String raw = r.patterns().get(i);
                    Integer id = patternIds.get(raw);
                    if (id == null) {
                        id = compiled.size();
                        patternIds.put(raw, id);
                        compiled.add(compile(compiler, raw));
                    }
                    ids[i] = id;
                    byPattern.computeIfAbsent(id, x -> new ArrayList<>()).add(rules.size());
                }
                boolean identityOnly = r.alerts() && !r.patterns().isEmpty() && r.patterns().stream()
                        .allMatch(raw -> IdentityWords.only(compiled.get(patternIds.get(raw))));
                CompiledRule cr = new CompiledRule(r, c, ids, new HashSet<>(r.applies()), identityOnly);
                rules.add(cr);
                if (r.kind() == RuleKind.EXCEPT) {
                    categoryExceptions.add(cr);
                } else if (r.kind() == RuleKind.ESCALATE) {
                    escalations.add(rules.size() - 1);
                }
            }
            exceptions.add(categoryExceptions);
        }
        index = new PatternIndex(compiled);
        domains = new DomainIndex(lists);
        patternRules = new int[compiled.size()][];
        for (int p = 0; p < compiled.size(); p++) {
            patternRules[p] = byPattern.getOrDefault(p, List.of()).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static CompiledPattern compile(PatternCompiler compiler, String raw) {
        try {
            return compiler.compile(raw);
        } catch (PatternException e) {
            throw new IllegalStateException("pattern passed validation but does not compile: " + e.getMessage(), e);
        }
    }

    public PatternIndex index() {
        return index;
    }

    public Verdict verdict(String text) {
        return scan(text, false, 100).verdict();
    }

    /** As {@link #verdict(String)} with every category's threshold scaled to {@code thresholdPercent} percent. */
    public Verdict verdict(String text, int thresholdPercent) {
        return scan(text, false, thresholdPercent).verdict();
    }

    /**
     * The verdict for a visit to {@code host} (a {@code domain} rule of its domain or a parent domain), with the
     * snippet around it in {@code text}, where it starts at {@code hostStart}; {@link Verdict#NONE} if unlisted.
     */
    public Verdict domainVerdict(String host, String text, int hostStart) {
        return domains.verdict(host, text, hostStart);
    }

    public ScanReport explain(String text) {
        return scan(text, true, 100);
    }

    private ScanReport scan(String text, boolean explain, int thresholdPercent) {
        NormalizedText n = normalizer.normalize(text);
        List<PatternHit> hits = index.match(n);
        String normalized = explain ? n.normalized() : "";
        if (hits.isEmpty()) {
            return new ScanReport(Verdict.NONE, List.of(), normalized);
        }
        Map<Integer, List<PatternHit>> byPattern = new HashMap<>();
        Map<Integer, TreeSet<Integer>> touched = new TreeMap<>();
        Cues cues = null;
        // A set, not a scan of the list: a text repeating one word thousands of times has thousands
        // of hits of one pattern, and checking each against all the others was quadratic.
        Set<PatternHit> seen = new HashSet<>();
        for (PatternHit h : hits) {
            boolean first = seen.add(h);
            if (first) {
                byPattern.computeIfAbsent(h.pattern(), x -> new ArrayList<>()).add(h);
            }
            for (int r : patternRules[h.pattern()]) {
                CompiledRule rule = rules.get(r);
                RuleKind kind = rule.rule().kind();
                if (kind == RuleKind.CUE) {
                    if (first) {
                        cues = cues == null ? new Cues() : cues;
                        cues.add(rule.rule().roles().getFirst(),
                                new NearWindows.WordHit(n.tokenOf(h.start()), n.tokenOf(h.end() - 1), h.start(), h.end()),
                                rule.rule().id());
                    }
                } else if (kind != RuleKind.EXCEPT) {
                    touched.computeIfAbsent(rule.category(), x -> new TreeSet<>()).add(r);
                }
            }
        }
        if (cues == null) {
            cues = Cues.NONE;
        } else {
            for (int r : escalations) {
                CompiledRule rule = rules.get(r);
                if (rule.rule().roles().stream().allMatch(cues::hasAny)) {
                    touched.computeIfAbsent(rule.category(), x -> new TreeSet<>()).add(r);
                }
            }
        }
        if (touched.isEmpty()) {
            return new ScanReport(Verdict.NONE, List.of(), normalized);
        }
        List<CategoryResult> results = new ArrayList<>();
        CategoryScorer scorer = new CategoryScorer(n, byPattern, Sentences.of(n), cues, thresholdPercent);
        for (Map.Entry<Integer, TreeSet<Integer>> e : touched.entrySet()) {
            int c = e.getKey();
            List<CompiledRule> candidates = e.getValue().stream().map(rules::get).toList();
            results.add(scorer.score(lists.get(c), candidates, exceptions.get(c)));
        }
        Verdict verdict = Verdicts.choose(text, results);
        return new ScanReport(verdict, explain ? results : List.of(), normalized);
    }
}
