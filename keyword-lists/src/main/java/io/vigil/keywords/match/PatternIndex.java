package io.vigil.keywords.match;

import io.vigil.keywords.normalize.NormalizedText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All patterns of a list set compiled into one automaton. {@link #match} makes a single pass over
 * the normalised text whatever the number of patterns, then checks word boundaries, stretched
 * letters and multi-literal forms on the (few) raw hits.
 */
public final class PatternIndex {

    private final Automaton automaton;
    private final int[] keyLiteral;
    private final int[] keyLength;
    private final int[][] keyStretched;
    private final boolean[] literalOpen;
    /** For each literal, the patterns it matches completely (single-literal forms). */
    private final int[][] literalPatterns;
    /** For each literal, the multi-literal forms it starts: {pattern, literal2, literal3, ...}. */
    private final int[][][] literalChains;
    private final int patternCount;

    public PatternIndex(List<CompiledPattern> patterns) {
        Map<CompiledPattern.Literal, Integer> literalIds = new LinkedHashMap<>();
        Map<Integer, List<Integer>> singles = new HashMap<>();
        Map<Integer, List<int[]>> chains = new HashMap<>();
        for (int p = 0; p < patterns.size(); p++) {
            for (List<CompiledPattern.Literal> form : patterns.get(p).forms()) {
                int[] ids = form.stream().mapToInt(l -> literalIds.computeIfAbsent(l, x -> literalIds.size())).toArray();
                if (ids.length == 1) {
                    singles.computeIfAbsent(ids[0], x -> new ArrayList<>()).add(p);
                } else {
                    int[] chain = new int[ids.length];
                    chain[0] = p;
                    System.arraycopy(ids, 1, chain, 1, ids.length - 1);
                    chains.computeIfAbsent(ids[0], x -> new ArrayList<>()).add(chain);
                }
            }
        }
        int literals = literalIds.size();
        literalOpen = new boolean[literals];
        literalPatterns = new int[literals][];
        literalChains = new int[literals][][];
        for (Map.Entry<CompiledPattern.Literal, Integer> e : literalIds.entrySet()) {
            int id = e.getValue();
            literalOpen[id] = e.getKey().open();
            literalPatterns[id] = singles.getOrDefault(id, List.of()).stream().mapToInt(Integer::intValue).toArray();
            literalChains[id] = chains.getOrDefault(id, List.of()).toArray(new int[0][]);
        }
        Keys keys = keys(literalIds.keySet());
        automaton = Automaton.build(keys.texts());
        keyLiteral = keys.literals().stream().mapToInt(Integer::intValue).toArray();
        keyLength = keys.texts().stream().mapToInt(String::length).toArray();
        keyStretched = keys.stretched().toArray(new int[0][]);
        patternCount = patterns.size();
    }

    /** The automaton's keys: each literal (numbered in order), then its stretched-letter variants. */
    record Keys(List<String> texts, List<Integer> literals, List<int[]> stretched) {
    }

    static Keys keys(java.util.Collection<CompiledPattern.Literal> literalsInIdOrder) {
        Keys keys = new Keys(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int id = 0;
        for (CompiledPattern.Literal literal : literalsInIdOrder) {
            keys.texts().add(literal.text());
            keys.literals().add(id);
            keys.stretched().add(new int[0]);
            for (StretchVariants.Variant v : StretchVariants.of(literal.text())) {
                keys.texts().add(v.key());
                keys.literals().add(id);
                keys.stretched().add(v.stretchedAt());
            }
            id++;
        }
        return keys;
    }

    /** The automaton's keys for these patterns, numbered as {@link #PatternIndex} numbers them (for tests). */
    static List<String> automatonKeys(List<CompiledPattern> patterns) {
        java.util.Set<CompiledPattern.Literal> literals = new java.util.LinkedHashSet<>();
        patterns.forEach(p -> p.forms().forEach(literals::addAll));
        return keys(literals).texts();
    }

    public int patternCount() {
        return patternCount;
    }

    public Automaton automaton() {
        return automaton;
    }

    /** Every pattern occurrence in the text, in the order found (by end position). */
    public List<PatternHit> match(NormalizedText text) {
        LiteralHits found = new LiteralHits(text);
        automaton.scan(text.buffer(), text.length(), found);
        if (found.hits == null) {
            return List.of();
        }
        List<PatternHit> hits = new ArrayList<>();
        for (long[] h : found.hits) {
            int literal = (int) h[0];
            int start = (int) h[1];
            int end = (int) h[2];
            for (int p : literalPatterns[literal]) {
                hits.add(new PatternHit(p, start, end));
            }
            for (int[] chain : literalChains[literal]) {
                int chainEnd = follow(text, found.ends, chain, end);
                if (chainEnd >= 0) {
                    hits.add(new PatternHit(chain[0], start, chainEnd));
                }
            }
        }
        return hits;
    }

    /**
     * Collects raw automaton hits that pass the word-boundary and stretched-letter checks. Its
     * collections are only created on the first real hit: most scanned lines have none.
     */
    private final class LiteralHits implements Automaton.HitSink {
        private final NormalizedText text;
        Map<Long, Integer> ends;
        List<long[]> hits;

        LiteralHits(NormalizedText text) {
            this.text = text;
        }

        @Override
        public void hit(int key, int end) {
            int start = end - keyLength[key];
            int literal = keyLiteral[key];
            if (!text.isBoundary(start) || (!literalOpen[literal] && !text.isBoundary(end))) {
                return;
            }
            for (int at : keyStretched[key]) {
                if (!text.hasFlag(start + at, NormalizedText.STRETCHED)) {
                    return;
                }
            }
            int spanEnd = literalOpen[literal] ? text.tokenEnd(text.tokenOf(end - 1)) : end;
            if (hits == null) {
                hits = new ArrayList<>();
                ends = new HashMap<>();
            }
            if (ends.putIfAbsent(((long) literal << 32) | start, spanEnd) == null) {
                hits.add(new long[] {literal, start, spanEnd});
            }
        }
    }

    /** Checks that literals chain[1..] match in the words right after {@code end}; returns the last end or -1. */
    private static int follow(NormalizedText text, Map<Long, Integer> literalEnds, int[] chain, int end) {
        int current = end;
        for (int i = 1; i < chain.length; i++) {
            int token = text.tokenOf(current - 1) + 1;
            if (token >= text.tokenCount()) {
                return -1;
            }
            Integer next = literalEnds.get(((long) chain[i] << 32) | text.tokenStart(token));
            if (next == null) {
                return -1;
            }
            current = next;
        }
        return current;
    }
}
